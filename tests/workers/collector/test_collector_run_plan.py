from workers.collector.run_plan import plan_runs

KEYS = [(f"a{i}", 1) for i in range(45)]


def test_article_mode_is_one_join_per_run_up_to_the_free_runs() -> None:
    assert plan_runs(KEYS[:3], 4, "article", 20) == [[k] for k in KEYS[:3]]
    assert plan_runs(KEYS[:6], 4, "article", 20) == [[k] for k in KEYS[:4]]


def test_auto_gives_a_lone_join_its_own_run_and_batches_the_rest() -> None:
    assert plan_runs(KEYS[:1], 4, "auto", 20) == [[KEYS[0]]]  # a single article: its own run
    assert plan_runs(KEYS[:4], 4, "auto", 20) == [KEYS[:4]]  # one run, not four
    backlog = plan_runs(KEYS[:45], 4, "auto", 20)
    assert [len(run) for run in backlog] == [15, 15, 15]  # as few runs as hold them, evened
    assert [k for run in backlog for k in run] == KEYS[:45]  # nothing dropped, in order


def test_batch_mode_uses_as_few_runs_as_hold_the_joins() -> None:
    assert plan_runs(KEYS[:10], 4, "batch", 20) == [KEYS[:10]]
    assert plan_runs(KEYS[:1], 4, "batch", 20) == [KEYS[:1]]
    assert plan_runs(KEYS, 2, "batch", 20) == [KEYS[:23], KEYS[23:]]  # free runs bound it


def test_nothing_to_run() -> None:
    assert plan_runs([], 4, "auto", 20) == [] and plan_runs(KEYS, 0, "batch", 20) == []
