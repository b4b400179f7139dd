from newsprism.ingest.dedup import canonical_url, jaccard, minhash_bands


def test_canonical_url_drops_tracking_fragment_and_mobile_variants():
    a = canonical_url("http://www.Example.com/news/story/?utm_source=x&id=3#top")
    b = canonical_url("https://m.example.com/news/story?id=3&fbclid=abc")
    c = canonical_url("https://example.com/news/story/amp")
    assert a == b == "https://example.com/news/story?id=3"
    assert c == "https://example.com/news/story"
    assert canonical_url("not a url") is None


def test_near_duplicates_share_a_band_and_distinct_texts_do_not():
    base = " ".join(f"word{i}" for i in range(400))
    edited = base.replace("word200", "changed") + " Read more at our site."
    other = " ".join(f"other{i}" for i in range(400))
    assert jaccard(base, edited) > 0.9
    assert set(minhash_bands(base)) & set(minhash_bands(edited))
    assert not set(minhash_bands(base)) & set(minhash_bands(other))
