from contracts.events import (
    ClaimEvidence,
    ExtractionResult,
    SourceMention,
    SourcesResult,
    XrefResult,
)
from contracts.record import Attribution, Evidence, ExtractedClaim, SourceRef
from flows.merge import Parts, merge

TREASURY = SourceRef(
    source_id="us-treasury",
    name="US Department of the Treasury",
    kind="government",
    country="US",
    reliability="high",
    match_score=0.97,
)


def extracted() -> ExtractionResult:
    return ExtractionResult(
        article_id="a",
        revision=1,
        language="ar",
        sentences=2,
        claims=[
            ExtractedClaim(
                claim_id="c-1",
                text="claim one",
                start=0,
                end=20,
                kind="statistic",
                checkworthiness=0.9,
                attribution=Attribution(
                    type="direct", mention="الخزانة الأميركية", verb="قالت", start=5, end=22
                ),
            ),
            ExtractedClaim(
                claim_id="c-2",
                text="claim two",
                start=30,
                end=50,
                kind="assertion",
                checkworthiness=0.6,
            ),
        ],
    )


def test_merge_attaches_sources_by_span_and_evidence_by_claim_id() -> None:
    sources = SourcesResult(
        article_id="a",
        revision=1,
        mentions=[
            SourceMention(
                mention="الخزانة الأميركية", start=5, end=22, type="direct", source=TREASURY
            ),
            SourceMention(mention="other", start=100, end=105, type="direct", source=None),
        ],
    )
    evidence = Evidence(
        doc_id="d1", snippet="s", stance="supports", score=0.8, reason="same figure"
    )
    xref = XrefResult(
        article_id="a",
        revision=1,
        items=[
            ClaimEvidence(claim_id="c-1", start=0, end=20, evidence=[evidence]),
        ],
    )
    record = merge(Parts("a", 1, extracted(), sources, xref))
    first, second = record.claims
    assert first.source == TREASURY
    assert first.status == "corroborated"
    assert second.source is None and second.status == "unsupported"
    assert record.status == "complete" and record.missing_parts == []
    assert record.summary.corroborated == 1 and record.summary.unsupported == 1


def test_evidence_falls_back_to_span_overlap_when_ids_differ() -> None:
    evidence = Evidence(
        doc_id="d1",
        snippet="s",
        stance="contradicts",
        score=0.9,
        same_fact=0.8,
        reason="different figure",
    )
    xref = XrefResult(
        article_id="a",
        revision=1,
        items=[
            ClaimEvidence(claim_id="c-other", start=32, end=48, evidence=[evidence]),
        ],
    )
    record = merge(Parts("a", 1, extracted(), None, xref))
    assert record.claims[1].status == "contradicted"
    assert record.claims[0].evidence == []


def test_missing_parts_make_a_partial_record_that_says_which() -> None:
    record = merge(Parts("a", 1, extracted(), None, None))
    assert record.status == "partial"
    assert record.missing_parts == ["sources", "xref"]
    assert any("source lookup did not report" in r for r in record.claims[0].rationale)
    empty = merge(Parts("a", 1))
    assert empty.claims == [] and empty.missing_parts == ["extraction", "sources", "xref"]


def test_a_credit_found_only_by_source_lookup_attributes_the_claim() -> None:
    state_tv = SourceRef(
        source_id="sy-state-tv", name="Syrian state television", kind="broadcaster",
        country="SY", reliability="unknown", match_score=1.0,
    )  # fmt: skip
    extraction = ExtractionResult(
        article_id="a", revision=1, language="en", sentences=1,
        claims=[ExtractedClaim(claim_id="c-h", text="Aleppo bomb blast kills six Syrian state TV.",
                               start=0, end=44, kind="statistic", checkworthiness=0.8)],
    )  # fmt: skip
    sources = SourcesResult(article_id="a", revision=1, mentions=[
        SourceMention(mention="Syrian state TV", start=28, end=43, type="direct", source=state_tv),
        SourceMention(mention="Reuters", start=60, end=67, type="direct", source=None),
    ])  # fmt: skip
    (claim,) = merge(Parts("a", 1, extraction, sources, None)).claims
    assert claim.attribution.mention == "Syrian state TV" and claim.attribution.start == 28
    assert claim.source == state_tv
    assert claim.status == "unverified"  # an identifiable source, no evidence
    assert extraction.claims[0].attribution.type == "none"  # the worker's result is untouched


def test_topic_neighbours_are_related_and_the_rationale_says_nothing_matched() -> None:
    neighbour = Evidence(
        doc_id="n1",
        snippet="same topic",
        stance="neutral",
        score=0.3,
        same_fact=0.3,
        reason="Same topic, not shown to state the same fact (p=0.30).",
    )
    xref = XrefResult(
        article_id="a",
        revision=1,
        archive_size=1492,
        items=[
            ClaimEvidence(claim_id="c-1", start=0, end=20, evidence=[], related=[neighbour]),
            ClaimEvidence(claim_id="c-2", start=30, end=50, evidence=[], searched=False),
        ],
    )
    first, second = merge(Parts("a", 1, extracted(), None, xref)).claims
    assert first.evidence == [] and first.related == [neighbour]
    assert any(
        r == "no document of the archive (1492) states the same fact; 1 on the same topic "
        "listed as related"
        for r in first.rationale
    )
    assert any(
        r.startswith("evidence not searched: check-worthiness 0.60") for r in second.rationale
    )
