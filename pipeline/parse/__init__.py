"""The format-blind parser: neutral blocks in, a Handbook (plus warnings) out.

It never looks at a file. It finds the title page, the competentiematrix and one table per
competency by their structure, using the words of a vocabulary (pipeline/vocab) and nothing of
any particular handbook. A document in which that finds no competency table is read as a
competency framework (pipeline/parse/framework.py): a level scale learned from its tables, no
matrix, and its title from the file's properties when it has no title page.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..blocks import Block, Note, PageHeader, Paragraph, Properties, Table
from ..errors import LevelsAgain, MatrixJoined, ParseError
from ..model import Cluster, Competency, Handbook, Indicator, Level, LevelScale, Requirement, Source
from ..vocab import Vocabulary, builtin
from .tables import (
    CompetencyDraft,
    add_level_rows,
    is_competency_table,
    is_matrix_table,
    read_competency,
    read_matrix,
    split_joined_matrix,
    starts_with_levels,
)
from .framework import read_framework
from .indicators import clean_indicators
from .metadata import choose_language, resolve_title
from .scale import Hints
from .titlepage import TitlePage, read_title_page
from .words import LevelReader, looks_like_heading, slug


@dataclass
class ParseResult:
    handbook: Handbook
    warnings: list[str]
    vocabulary: Vocabulary
    notes: list[Note] = field(default_factory=list)  # the parser's judgements on weak evidence


def choose_vocabulary(blocks: list[Block], candidates: list[Vocabulary] | None = None) -> Vocabulary:
    """The vocabulary whose words the document uses most (ties go to the first, Dutch)."""
    candidates = candidates or builtin()
    first_cells = [r.cells[0].text for b in blocks if isinstance(b, Table) for r in b.rows if r.cells]
    paragraphs = [b.text for b in blocks if isinstance(b, Paragraph)]

    def score(vocabulary: Vocabulary) -> int:
        levels = LevelReader(vocabulary)
        hits = sum(1 for text in first_cells if levels.is_label(text))
        headings = {h.casefold() for h in vocabulary.matrix_headings}
        hits += sum(3 for text in paragraphs if text.casefold() in headings)
        return hits

    return max(candidates, key=score)


def parse(
    blocks: list[Block],
    *,
    source: Source,
    handbook_id: str,
    vocabulary: Vocabulary | None = None,
    properties: Properties | None = None,
) -> ParseResult:
    given = vocabulary
    vocabulary = vocabulary or choose_vocabulary(blocks)
    levels = LevelReader(vocabulary)
    warnings: list[str] = []
    try:
        title_page = read_title_page(blocks, vocabulary)
    except ParseError as error:  # a framework may have no title page; a handbook may not
        title_page, missing_title = None, error

    try:
        drafts, matrices, notes = _handbook_tables(blocks, title_page, vocabulary, levels)
    except ParseError as refusal:  # not a handbook as the family writes it: perhaps a framework
        if isinstance(refusal, (LevelsAgain, MatrixJoined)) and title_page is not None:
            raise  # a role handbook with a competency's name lost: reading on would merge two or lose one
        return _framework_or(refusal, blocks, source, handbook_id, given, properties, title_page)

    if not drafts:
        return _parse_framework(blocks, source, handbook_id, given, properties or Properties(), title_page)
    if title_page is None:
        raise missing_title

    competencies, clusters, scale_labels = _build_competencies(drafts)
    role, requirements = _build_requirements(matrices, levels, warnings)
    if not matrices:
        warnings.append("no competency matrix found: the handbook has no requirements")
    role = role or _role_from_title(title_page.title, vocabulary)
    text = " ".join(b.text for b in blocks if isinstance(b, Paragraph)).casefold()
    cumulative = any(phrase.casefold() in text for phrase in vocabulary.cumulative_phrases)

    handbook = Handbook(
        id=handbook_id,
        title=title_page.title,
        role=role,
        organisation=title_page.organisation,
        issued=title_page.issued,
        language=vocabulary.language,
        source=source,
        levels=LevelScale(count=len(scale_labels), cumulative=cumulative, labels=tuple(scale_labels)),
        clusters=clusters,
        competencies=competencies,
        requirements=requirements,
    )
    return ParseResult(handbook=handbook, warnings=warnings, vocabulary=vocabulary, notes=notes)


def _handbook_tables(blocks, title_page: TitlePage | None, vocabulary: Vocabulary, levels: LevelReader):
    """The role handbook's competency tables (with their clusters) and matrix tables, in order."""
    drafts: list[tuple[CompetencyDraft, str | None]] = []
    matrices: list[Table] = []
    cluster: str | None = None
    heading: str | None = None  # a heading-like paragraph with nothing but breaks after it
    header: str | None = None  # the latest running page header that could name a cluster
    header_fresh = False
    skip_texts = {title_page.title, title_page.organisation} - {None} if title_page else set()
    matrix_headings = {h.casefold() for h in vocabulary.matrix_headings}

    notes: list[Note] = []
    for block in _split_joined(blocks[title_page.end if title_page else 0 :], levels, notes):
        if isinstance(block, Paragraph):
            text = block.text
            if not text:
                continue
            is_heading = block.style == "heading" or (block.style is None and looks_like_heading(text))
            heading = text if is_heading and text.casefold() not in matrix_headings else None
            if drafts and not is_heading:
                notes.append(Note("parse.stray-text", f"left out text after competency '{drafts[-1][0].name[:60]}' "
                                  f"that is no heading: '{text[:60]}' (a reader may have taken part of a table "
                                  "for body text)", block.origin))
        elif isinstance(block, PageHeader):
            if not block.footer and block.text not in skip_texts and block.text != header:
                header, header_fresh = block.text, True
        elif isinstance(block, Table):
            if is_competency_table(block, levels):
                if drafts and starts_with_levels(block, levels):
                    add_level_rows(drafts[-1][0], block.rows, levels)
                else:
                    if heading:
                        cluster = heading
                    elif header_fresh:
                        cluster = header
                    header_fresh = False
                    drafts.append((read_competency(block, levels), cluster))
            elif is_matrix_table(block, levels):
                matrices.append(block)
            elif drafts and any(c.text for r in block.rows for c in r.cells):
                notes.append(_stray_table(block, drafts[-1][0].name))
            heading = None
        # A PageBreak changes nothing: a heading before it still heads the table after it.
    return drafts, matrices, notes


def _stray_table(table: Table, after: str) -> Note:
    """A note on a table among the competencies' tables that is neither a competency's (no name
    row, no level labels) nor the matrix: its text is left out, and a reader that took a table
    apart may have lost indicators with it."""
    first = next(c.text for r in table.rows for c in r.cells if c.text)
    return Note("parse.stray-table", f"left out a table after competency '{after[:60]}' that is neither a "
                f"competency's nor the matrix (it starts with '{first[:60]}')", table.origin)


def _split_joined(blocks, levels: LevelReader, notes: list[Note]):
    """The blocks, a matrix and a competency's table read as one table split in two (with a
    note: the split rests on the table's shape alone)."""
    for block in blocks:
        parts = split_joined_matrix(block, levels) if isinstance(block, Table) else None
        if parts is None:
            yield block
            continue
        name = parts[1].rows[0].cells[0].paragraphs[0].text
        notes.append(Note("parse.joined-matrix", f"split a table that starts as the competency matrix before "
                          f"'{name[:60]}': its rows above are the matrix's, that row starts a competency's "
                          "table (the two were drawn touching)", parts[1].origin))
        yield from parts


def _framework_or(refusal: ParseError, blocks, source, handbook_id, given, properties, title_page) -> ParseResult:
    """The document read as a framework, with a note of why; the handbook refusal when that fails too."""
    try:
        result = _parse_framework(blocks, source, handbook_id, given, properties or Properties(), title_page)
    except ParseError:
        raise refusal from None
    result.notes.insert(0, Note("framework.not-a-handbook", f"read as a framework; as a role handbook: {refusal}"))
    return result


def _parse_framework(blocks, source, handbook_id, given, properties, title_page: TitlePage | None) -> ParseResult:
    """A framework: the scale learned from its tables, no matrix (role null, no requirements)."""
    vocabularies = builtin() + ([given] if given else [])
    notes: list[Note] = []
    title = resolve_title(properties, blocks, vocabularies, source.file, notes)
    if properties.organisation:  # what the file says, not the body: worth a look
        notes.append(Note("framework.organisation-from-properties",
                          f"the organisation is the file's Company property '{properties.organisation}'"))
    reading = read_framework(blocks, Hints(vocabularies), title=title)
    notes += reading.notes
    clean_indicators(reading.drafts, notes)
    vocabulary = given or choose_language(blocks, vocabularies, choose_vocabulary(blocks))
    competencies, clusters, scale_labels = _build_competencies(reading.drafts)
    text = " ".join(b.text for b in blocks if isinstance(b, Paragraph)).casefold()
    said = [phrase for phrase in vocabulary.cumulative_phrases if phrase.casefold() in text]
    cumulative = bool(said)
    if said:  # one phrase in pages of prose is thin evidence
        notes.append(Note("framework.cumulative", f"levels read as cumulative: the text says '{said[0]}'"))
    handbook = Handbook(
        id=handbook_id,
        title=title,
        role=None,
        organisation=properties.organisation,
        issued=title_page.issued if title_page else None,  # only a date the document states
        language=vocabulary.language,
        source=source,
        levels=LevelScale(count=len(scale_labels), cumulative=cumulative, labels=tuple(scale_labels)),
        clusters=clusters,
        competencies=competencies,
        requirements=(),
    )
    return ParseResult(handbook=handbook, warnings=[], vocabulary=vocabulary, notes=notes)


def _build_competencies(drafts):
    competencies = []
    members: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    labels: dict[int, str] = {}
    for draft, cluster_name in drafts:
        cid = slug(draft.name)
        cluster_id = slug(cluster_name) if cluster_name else None
        if cluster_id:
            names.setdefault(cluster_id, cluster_name)
            if cid not in members.setdefault(cluster_id, []):  # a duplicate is reported by validation
                members[cluster_id].append(cid)
        built_levels = []
        for number in sorted(draft.levels):
            level = draft.levels[number]
            labels.setdefault(number, level.label)
            indicators = tuple(
                Indicator(id=f"{cid}-{number}-{position}", text=entry[0], origin=entry[1],
                          code=entry[2] if len(entry) > 2 else None)  # (text, origin[, code])
                for position, entry in enumerate(level.indicators, start=1)
            )
            built_levels.append(Level(level=number, label=level.label, indicators=indicators))
        competencies.append(
            Competency(
                id=cid,
                name=draft.name,
                definition=draft.definition,
                cluster=cluster_id,
                levels=tuple(built_levels),
                origin=draft.origin,
            )
        )
    clusters = tuple(Cluster(id=k, name=names[k], competencies=tuple(v)) for k, v in members.items())
    count = max(labels) if labels else 0
    scale = [labels.get(n, "") for n in range(1, count + 1)]
    return tuple(competencies), clusters, scale


def _build_requirements(matrices, levels: LevelReader, warnings: list[str]):
    role = None
    requirements = []
    for table in matrices:
        matrix = read_matrix(table, levels)
        role = role or matrix.role
        for row in matrix.rows:
            if row.level is None:
                warnings.append(
                    f"competency matrix: '{row.name}' has required level '{row.value}', which is not a level"
                )
                continue
            requirements.append(Requirement(competency=slug(row.name), category=row.category, level=row.level))
    return role, tuple(requirements)


def _role_from_title(title: str, vocabulary: Vocabulary) -> str | None:
    for prefix in sorted(vocabulary.title_prefixes, key=len, reverse=True):
        if title.casefold().startswith(prefix.casefold() + " "):
            return title[len(prefix) :].strip() or None
    return None
