"""The typed records every stage reads and writes: the contract between ingest, enrichment, stories and publishing.

Every record is a plain dataclass that round-trips through JSON (``to_dict`` / ``from_dict``).
Every extracted item (``Entity``, ``Place``, ``Event``, ``Quote``, ``Claim``, ``Frame``, ``Technique``) carries
``article_id``, ``start`` and ``end``: character offsets into ``Article.body``, so ``body[start:end]`` is the
evidence. It also carries ``component`` (the versioned name of what produced it) and ``score`` in [0, 1].

Record kinds (the ``KIND`` of each class) name the export files: ``entities.jsonl``, ``places.jsonl``, ...
"""

from __future__ import annotations

import dataclasses
import hashlib
import unicodedata
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypeVar

__all__ = [
    "RECORD_TYPES",
    "STYLE_GUESS_COMPONENT",
    "Article",
    "Claim",
    "Entity",
    "Event",
    "Footnote",
    "Frame",
    "Item",
    "Outlet",
    "OutletLabel",
    "PageLabel",
    "Place",
    "Provenance",
    "Quote",
    "Span",
    "Story",
    "Technique",
    "content_hash",
    "is_style_guess",
    "record_from_dict",
]

R = TypeVar("R", bound="Record")


class Record:
    """Base of every record: JSON round trip."""

    KIND: ClassVar[str] = ""

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)  # type: ignore[call-overload,no-any-return]

    @classmethod
    def from_dict(cls: type[R], data: dict[str, Any]) -> R:
        names = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        kwargs: dict[str, Any] = {}
        for key, value in data.items():
            if key not in names:
                continue
            sub = _NESTED.get((cls.__name__, key))
            if sub is not None and value is not None:
                if isinstance(value, list):
                    value = [sub.from_dict(v) if isinstance(v, dict) else v for v in value]
                elif isinstance(value, dict):
                    value = sub.from_dict(value)
            kwargs[key] = value
        return cls(**kwargs)


@dataclass(slots=True)
class Span(Record):
    """A piece of evidence: ``body[start:end]`` of one article."""

    KIND: ClassVar[str] = "span"
    article_id: str
    start: int
    end: int
    text: str = ""


@dataclass(slots=True)
class Provenance(Record):
    """Where a record came from: the input (file, URL, feed) and the place in it."""

    KIND: ClassVar[str] = "provenance"
    kind: str  # text | html | feed | jsonl | csv | url | api
    location: str  # path or URL
    part: str | None = None  # e.g. "article 2", "line 17", "entry 4"
    fetched_at: str | None = None
    loader: str | None = None  # versioned name of the loader


@dataclass(slots=True)
class Footnote(Record):
    KIND: ClassVar[str] = "footnote"
    mark: str
    text: str


@dataclass(slots=True)
class OutletLabel(Record):
    """One statement about an outlet (lean, factuality, country, ...) and who made it.

    ``source_kind`` is one of ``registry`` (facts shipped with newsprism), ``rater`` (imported rating data such as
    MBFC or AllSides), ``page`` (a note found in ingested text) or ``user`` (the user's own label, which wins).
    """

    KIND: ClassVar[str] = "outlet_label"
    field: str  # lean | factuality | country | state_affiliated | kind | ...
    value: str
    source: str  # e.g. "mbfc", "allsides", "user:alice", "page:examples/x.txt"
    source_kind: str = "user"
    date: str | None = None
    note: str | None = None
    evidence: str | None = None  # the text the label was read from, when there is one


@dataclass(slots=True)
class PageLabel:
    """A statement about an outlet found in ingested text ("THE SPECTATOR IS A UK RIGHT WING PUBLICATION").

    Loaders emit it beside the articles of a page; the outlet resolver attaches ``label`` to the outlet named
    ``outlet`` (or to the outlet of article number ``article_index`` of the page, when known).
    """

    outlet: str  # the outlet as named in the text
    label: OutletLabel
    article_index: int | None = None  # the article of the page it is about, when known


@dataclass(slots=True)
class Outlet(Record):
    KIND: ClassVar[str] = "outlet"
    id: str  # stable key: the main domain ("spectator.co.uk") or a slug for outlets without one
    name: str
    long_name: str | None = None
    domains: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    country: str | None = None  # ISO 3166-1 alpha-2
    languages: list[str] = field(default_factory=list)
    kind: str | None = None  # newspaper | magazine | broadcaster | agency | think tank | blog | aggregator
    state_affiliated: bool | None = None
    owner_state: str | None = None
    owner: str | None = None
    sources: list[str] = field(default_factory=list)
    labels: list[OutletLabel] = field(default_factory=list)
    lean: str | None = None  # the one lean shown, after the documented precedence rule; None = unrated
    lean_source: str | None = None
    factuality: str | None = None
    factuality_source: str | None = None
    known: bool = False  # True when the outlet is in the shipped registry


@dataclass(slots=True)
class Article(Record):
    KIND: ClassVar[str] = "article"
    id: str
    title: str | None
    body: str
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # ISO 8601 date or datetime
    outlet: str | None = None  # outlet name as shown
    outlet_id: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    language: str | None = None
    language_score: float | None = None
    genre: str | None = None
    genre_score: float | None = None
    summary: str | None = None
    author_bio: str | None = None
    footnotes: list[Footnote] = field(default_factory=list)
    pull_quotes: list[str] = field(default_factory=list)
    source: Provenance | None = None
    content_hash: str = ""
    duplicate_of: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.content_hash:
            self.content_hash = content_hash(self.body)


@dataclass(slots=True)
class Item(Record):
    """Fields shared by every extracted item."""

    KIND: ClassVar[str] = "item"
    article_id: str
    start: int
    end: int
    text: str
    score: float = 1.0
    component: str = ""


@dataclass(slots=True)
class Entity(Item):
    KIND: ClassVar[str] = "entities"
    type: str = "other"  # person | organisation | place | other
    canonical: str | None = None
    entity_id: str | None = None
    role: str | None = None  # "press secretary" in "White House press secretary Jen Psaki"
    language: str | None = None
    resolution_score: float | None = None


@dataclass(slots=True)
class Place(Item):
    KIND: ClassVar[str] = "places"
    name: str = ""  # canonical name
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    feature: str | None = None  # country | admin | city | region | landmark
    resolution_score: float | None = None


@dataclass(slots=True)
class Event(Item):
    KIND: ClassVar[str] = "events"
    type: str = ""  # PLOVER event type (PROTEST, ASSAULT, COERCE, REQUEST, MOBILIZE, ACCUSE, AGREE, SUPPORT ...)
    mode: str | None = None
    actor: str | None = None
    actor_id: str | None = None
    recipient: str | None = None
    recipient_id: str | None = None
    where: str | None = None
    country: str | None = None
    when: str | None = None
    trigger: str | None = None


@dataclass(slots=True)
class Quote(Item):
    KIND: ClassVar[str] = "quotes"
    speaker: str | None = None  # canonical name when resolved, else the surface form
    speaker_text: str | None = None
    speaker_id: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    kind: str = "direct"  # direct | indirect | mixed
    parts: list[Span] = field(default_factory=list)  # the pieces of a quote interrupted by its attribution


@dataclass(slots=True)
class Claim(Item):
    KIND: ClassVar[str] = "claims"
    type: str = "other"  # killed | wounded | arrested | missing | displaced | troops | destroyed | protesters | other
    number: float | None = None
    number_low: float | None = None
    number_high: float | None = None
    number_text: str | None = None
    object: str | None = None
    claimant: str | None = None
    claimant_id: str | None = None
    # confidence of the claimant: high when named in the figure's own clause, lower when carried from an earlier
    # sentence of the paragraph, lowest when carried across paragraphs; None when there is no claimant
    claimant_score: float | None = None
    hedge: str | None = None
    when: str | None = None
    place: str | None = None
    actor: str | None = None  # who did what is counted ("Putin" in "by sending 2,500 troops, Putin ..."), when stated
    subject: str | None = None  # civilians | protesters | security_forces | foreign_troops | total | unspecified
    # every mention of the same figure in the article, this one first (a headline and the body, a quote), when repeated
    mentions: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Frame(Item):
    KIND: ClassVar[str] = "frames"
    frame: str = ""
    family: str = "generic"  # generic | narrative
    stance: str | None = None  # endorsed | reported | contested | mentioned
    holder: str | None = None
    holder_id: str | None = None
    evidence: list[Span] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    holders: list[str] = field(default_factory=list)  # canonical names of every holder ("holder" joins them)
    holder_text: str | None = None  # the holder as written ("The Kremlin and Tokayev")
    stance_score: float | None = None


@dataclass(slots=True)
class Technique(Item):
    KIND: ClassVar[str] = "techniques"
    technique: str = ""
    paragraph: int | None = None
    cue: str | None = None


#: The component of a technique guessed from its paragraph's style, with no cue of its own
#: (:mod:`newsprism.enrich.technique_prior`): comparisons of outlets leave these out.
STYLE_GUESS_COMPONENT = "techniques.style-prior.v1"


def is_style_guess(item: object) -> bool:
    """True for a technique guessed from a paragraph's style (see :data:`STYLE_GUESS_COMPONENT`)."""
    return getattr(item, "component", None) == STYLE_GUESS_COMPONENT


@dataclass(slots=True)
class Story(Record):
    KIND: ClassVar[str] = "stories"
    id: str
    label: str
    article_ids: list[str] = field(default_factory=list)
    start: str | None = None  # earliest published date
    end: str | None = None
    key_entities: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    score: float = 1.0
    component: str = ""


_NESTED: dict[tuple[str, str], type[Record]] = {
    ("Article", "footnotes"): Footnote,
    ("Article", "source"): Provenance,
    ("Outlet", "labels"): OutletLabel,
    ("Claim", "mentions"): Span,
    ("Frame", "evidence"): Span,
    ("Quote", "parts"): Span,
}

#: Extracted item types by their kind (the export file stem).
RECORD_TYPES: dict[str, type[Item]] = {cls.KIND: cls for cls in (Entity, Place, Event, Quote, Claim, Frame, Technique)}


def record_from_dict(kind: str, data: dict[str, Any]) -> Item:
    """Build the extracted item of ``kind`` from its dict form."""
    from .errors import UnknownComponentError

    try:
        cls = RECORD_TYPES[kind]
    except KeyError:
        raise UnknownComponentError(kind, "record kind", sorted(RECORD_TYPES)) from None
    return cls.from_dict(data)


def content_hash(text: str) -> str:
    """Hash of a text after Unicode and whitespace normalisation: equal texts get equal ids."""
    norm = " ".join(unicodedata.normalize("NFKC", text).split()).casefold()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()
