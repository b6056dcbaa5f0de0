from workers.collector.run_plan import plan_runs

KEYS = [(f"a{i}", 1) for i in range(45)]


def test_article_mode_is_one_join_per_run_up_to_the_free_runs() -> None:
    assert plan_runs(KEYS[:3], 4, "article", 20) == [[k] for k in KEYS[:3]]
    assert plan_runs(KEYS[:6], 4, "article", 20) == [[k] for k in KEYS[:4]]


def test_auto_runs_articles_alone_until_there_is_a_backlog() -> None:
    assert plan_runs(KEYS[:1], 4, "auto", 20) == [[KEYS[0]]]  # a single article: its own run
    assert plan_runs(KEYS[:4], 4, "auto", 20) == [[k] for k in KEYS[:4]]
    backlog = plan_runs(KEYS[:45], 4, "auto", 20)
    assert len(backlog) == 3 and max(map(len, backlog)) <= 20
    assert [k for run in backlog for k in run] == KEYS[:45]  # nothing dropped, in order
    spread = plan_runs(KEYS[:10], 4, "batch", 20)
    assert len(spread) == 1 and spread[0] == KEYS[:10]
    assert plan_runs(KEYS, 2, "batch", 20) == [KEYS[:23], KEYS[23:]]


def test_nothing_to_run() -> None:
    assert plan_runs([], 4, "auto", 20) == [] and plan_runs(KEYS, 0, "batch", 20) == []
