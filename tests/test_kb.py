"""The bilingual knowledge base: schema validation, merging of user files, look-ups, coverage."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from pipeline.errors import DataError
from pipeline.kb import KB_DIR, TYPES, KnowledgeBase, count_table, english_key, name_variants


@pytest.fixture(scope="module")
def kb(tmp_path_factory) -> KnowledgeBase:
    return KnowledgeBase.load(cache=False)


@pytest.fixture()
def cache_dir(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "cache"
    monkeypatch.setenv("ZHGLOSS_CACHE", str(path))
    return path


@pytest.fixture()
def tiny_bundle(tmp_path_factory, monkeypatch) -> Path:
    """A two-entry bundled KB, so that error tests do not parse the real data every time."""
    import pipeline.kb as kbmod

    folder = tmp_path_factory.mktemp("tiny_kb")
    (folder / "countries.yaml").write_text(
        "- {id: us, type: GPE, en: United States, zh: [美國], abbr: [美]}\n"
        "- {id: jp, type: GPE, en: Japan, zh: [日本], abbr: [日]}\n", encoding="utf-8")
    monkeypatch.setattr(kbmod, "KB_DIR", folder)
    return folder


def write(tmp_path: Path, text: str, name: str = "extra.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def ids(kb: KnowledgeBase, shadow: str) -> list[str]:
    return kb.forms().get(shadow, [])


# -- schema validation ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, message",
    [
        ("- {type: PERSON, en: Nobody, zh: [無名]}", "entry without an 'id'"),
        ("- {id: x-nobody, en: Nobody, zh: [無名]}", "entry 'x-nobody': missing 'type'"),
        ("- {id: x-nobody, type: PERSON, zh: [無名]}", "entry 'x-nobody': missing 'en'"),
        ("- {id: x-nobody, type: PERSON, en: Nobody}", "entry 'x-nobody': missing 'zh'"),
        ("- {id: x-nobody, type: PEOPLE, en: Nobody, zh: [無名]}", "entry 'x-nobody': unknown type 'PEOPLE'"),
        ("- {id: x-nobody, type: PERSON, en: Nobody, zh: 無名}", "entry 'x-nobody': 'zh' must be a list"),
        ("- {id: x-nobody, type: PERSON, en: Nobody, zh: [無名], en_aliases: Nob}", "'en_aliases' must be a list"),
        ("- {id: x-nobody, type: PERSON, en: Nobody, zh: [無名], zh_regional: {cn: 无名}}", "'zh_regional.cn' must be a list"),
        ("- {id: x-nobody, type: PERSON, en: Nobody, zh: [無名], zh_regional: {xx: [無]}}", "unknown region 'xx'"),
        ("- {id: x-nobody, type: PERSON, en: Nobody, zh: [無名], nickname: [阿無]}", "unknown field(s) nickname"),
        ("- {id: X Nobody, type: PERSON, en: Nobody, zh: [無名]}", "id must be a lowercase slug"),
        ("- {id: x-nobody, type: PERSON, en: Nobody, zh: [無名], wikidata: 123}", "is not a Q-id"),
        ("- {id: x-nobody, type: PERSON, en: Nobody, zh: [無名], short: [無]}", "short form '無' has one character"),
        ("- {id: x-nobody, type: GPE, en: Nowhere, zh: [無國], abbr: [無國]}", "is not a single character"),
        ("- {id: x-nobody, type: PERSON, en: Nobody, zh: [無名], country: atlantis}", "country 'atlantis' is not a KB id"),
        ("- {id: x-nobody, type: PERSON, en: Nobody, zh: ['']}", "empty or non-text item"),
        ("id: x-nobody", "must be a YAML list of entries"),
        ("- just a string", "entry #1 is not a mapping"),
        ("- {id: x-nobody, type: PERSON, en: [unclosed", "not valid YAML"),
    ],
)
def test_malformed_entries_raise_data_error_naming_file_and_entry(tmp_path, tiny_bundle, text, message):
    path = write(tmp_path, text + "\n")
    with pytest.raises(DataError) as info:
        KnowledgeBase.load([path], cache=False)
    err = info.value
    assert message in err.what
    assert err.where == str(path)
    assert err.fix  # every error says how to fix it
    assert err.line().startswith(f"Error: {path}: ")


def test_duplicate_id_in_one_user_file(tmp_path, tiny_bundle):
    path = write(tmp_path, "- {id: x-a, type: ORG, en: A, zh: [甲會]}\n- {id: x-a, type: ORG, en: B, zh: [乙會]}\n")
    with pytest.raises(DataError, match="duplicate id 'x-a' in the same file"):
        KnowledgeBase.load([path], cache=False)


def test_duplicate_id_across_bundled_files(tmp_path, monkeypatch):
    import pipeline.kb as kbmod

    (tmp_path / "a.yaml").write_text("- {id: dup, type: ORG, en: A, zh: [甲會]}\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("- {id: dup, type: ORG, en: B, zh: [乙會]}\n", encoding="utf-8")
    monkeypatch.setattr(kbmod, "KB_DIR", tmp_path)
    with pytest.raises(DataError) as info:
        KnowledgeBase.load(cache=False)
    assert "duplicate id 'dup' (first defined in" in info.value.what
    assert info.value.where.endswith("b.yaml")


def test_abbreviation_claimed_twice(tmp_path, tiny_bundle):
    path = write(tmp_path, "- {id: x-usa2, type: GPE, en: Fake America, zh: [偽美國], abbr: [美]}\n")
    with pytest.raises(DataError, match="abbreviation '美' is claimed by both 'us' and 'x-usa2'"):
        KnowledgeBase.load([path], cache=False)


def test_missing_user_file(tmp_path):
    with pytest.raises(DataError, match="knowledge-base file not found"):
        KnowledgeBase.load([tmp_path / "nope.yaml"], cache=False)


# -- user files extend and override ---------------------------------------------------------------
def test_user_file_adds_entries_and_extends_existing_ones(tmp_path):
    path = write(tmp_path, """\
- id: tw-think-tank-example
  type: ORG
  en: Example Strategy Forum
  zh: [範例戰略論壇]
  country: tw
- id: us-donald-trump          # extend: only id is needed
  zh: [川大總統]
  en_aliases: [DJT]
  description: 45th and 47th US president
""")
    kb = KnowledgeBase.load([path], cache=False)
    assert kb.get("tw-think-tank-example").en == "Example Strategy Forum"
    assert ids(kb, "范例战略论坛") == ["tw-think-tank-example"]
    trump = kb.get("us-donald-trump")
    assert trump.zh[0] == "川普"  # bundled names kept, canonical first
    assert "川大總統" in trump.zh and "川大总统" in trump.zh_hans
    assert ids(kb, "川大总统") == ["us-donald-trump"]
    assert trump.description == "45th and 47th US president"
    assert kb.by_english("djt") == [trump]
    assert str(path) in kb.files


def test_user_file_replace_and_remove(tmp_path):
    path = write(tmp_path, """\
- {id: jp-shinzo-abe, remove: [安倍]}
- {id: loc-pratas-islands, replace: true, type: LOC, en: Dongsha Atoll, zh: [東沙環礁]}
""")
    kb = KnowledgeBase.load([path], cache=False)
    assert "安倍" not in kb.get("jp-shinzo-abe").zh
    assert "安倍" not in kb.forms()
    assert "安倍晋三" in kb.forms()
    pratas = kb.get("loc-pratas-islands")
    assert pratas.en == "Dongsha Atoll" and pratas.zh == ("東沙環礁",)
    assert "东沙群岛" not in kb.forms()


def test_later_user_file_overrides_earlier(tmp_path, tiny_bundle):
    a = write(tmp_path, "- {id: x-a, type: ORG, en: First, zh: [甲會]}\n", "a.yaml")
    b = write(tmp_path, "- {id: x-a, en: Second, type: EVENT}\n", "b.yaml")
    kb = KnowledgeBase.load([a, b], cache=False)
    assert kb.get("x-a").en == "Second" and kb.get("x-a").type == "EVENT"


# -- regional and script variants ----------------------------------------------------------------
@pytest.mark.parametrize(
    "form, kb_id",
    [
        ("川普", "us-donald-trump"), ("特朗普", "us-donald-trump"),
        ("歐巴馬", "us-barack-obama"), ("奥巴马", "us-barack-obama"),
        ("柯林頓", "us-bill-clinton"), ("克林顿", "us-bill-clinton"),
        ("布希", "us-george-w-bush"), ("布什", "us-george-w-bush"),
        ("普丁", "ru-vladimir-putin"), ("普京", "ru-vladimir-putin"),
        ("澤倫斯基", "ua-volodymyr-zelenskyy"), ("泽连斯基", "ua-volodymyr-zelenskyy"),
        ("梅克爾", "de-angela-merkel"), ("默克尔", "de-angela-merkel"),
        ("北韓", "kp"), ("朝鮮", "kp"), ("朝鲜", "kp"),
        ("南韓", "kr"), ("韓國", "kr"), ("南朝鲜", "kr"),
        ("紐西蘭", "nz"), ("新西蘭", "nz"), ("新西兰", "nz"),
        ("澳洲", "au"), ("澳大利亚", "au"),
        ("雪梨", "city-sydney"), ("悉尼", "city-sydney"),
        ("寮國", "la"), ("老挝", "la"),
        ("汶萊", "bn"), ("文莱", "bn"),
        ("新加坡", "sg"), ("星加坡", "sg"),
        ("臺灣", "tw"), ("台灣", "tw"), ("中華民國", "tw"),
        ("東協", "org-asean"), ("东盟", "org-asean"),
        ("五角大廈", "us-pentagon"), ("五角大楼", "us-pentagon"),
        ("麻六甲海峽", "loc-strait-of-malacca"), ("马六甲海峡", "loc-strait-of-malacca"),
        ("晶片法案", "policy-chips-act"), ("芯片法案", "policy-chips-act"),
        ("釣魚台", "loc-senkaku-islands"), ("尖閣諸島", "loc-senkaku-islands"), ("钓鱼岛", "loc-senkaku-islands"),
    ],
)
def test_taiwan_mainland_and_simplified_forms(kb, form, kb_id):
    from opencc import OpenCC

    shadow = OpenCC("t2s").convert(form)
    assert ids(kb, shadow) == [kb_id]


def test_mainland_forms_are_regional_not_canonical(kb):
    trump = kb.get("us-donald-trump")
    assert trump.zh[0] == "川普"
    assert "特朗普" in trump.zh_regional["cn"] and "特朗普" in trump.zh_hans
    assert "特朗普" not in trump.zh
    nz = kb.get("nz")
    assert nz.zh[0] == "紐西蘭" and "新西蘭" in nz.zh_regional["cn"]


def test_name_separators(kb):
    assert name_variants("唐納·川普") == ["唐納·川普", "唐納‧川普", "唐納•川普", "唐納・川普", "唐納．川普", "唐納川普"]
    for variant in ("唐纳·川普", "唐纳‧川普", "唐纳川普"):
        assert ids(kb, variant) == ["us-donald-trump"]


def test_latin_acronyms_are_surface_forms(kb):
    assert ids(kb, "NATO") == ["org-nato"] and ids(kb, "AUKUS") == ["org-aukus"]
    assert ids(kb, "KMT") == ["tw-party-kmt"] and ids(kb, "DPRK") == ["kp"]
    assert "TPP" not in kb.forms() and "IRA" not in kb.forms()  # stoplisted: second meanings
    assert "US" not in kb.forms()  # two letters: too short


def test_all_zh_forms_covers_full_names_only(kb):
    abe = kb.get("jp-fumio-kishida")
    forms = abe.all_zh_forms()
    assert "岸田文雄" in forms and "岸田" not in forms  # short references are separate
    assert kb.short_forms()["岸田"] == ["jp-fumio-kishida"]


# -- English look-up, abbreviations --------------------------------------------------------------
@pytest.mark.parametrize(
    "name, kb_id",
    [("U.S.", "us"), ("US", "us"), ("united states", "us"), ("America", "us"), ("ROK", "kr"),
     ("South Korea", "kr"), ("DPRK", "kp"), ("PRC", "cn"), ("ROC", "tw"), ("U.K.", "gb"),
     ("Britain", "gb"), ("NATO", "org-nato"), ("Kim Jong-un", "kp-kim-jong-un"),
     ("Volodymyr Zelensky", "ua-volodymyr-zelenskyy"), ("AUKUS", "org-aukus"),
     ("Taiwan Relations Act", "policy-taiwan-relations-act"), ("Kishida Fumio", "jp-fumio-kishida"),
     ("Fumio Kishida", "jp-fumio-kishida")],
)
def test_by_english(kb, name, kb_id):
    assert [e.id for e in kb.by_english(name)] == [kb_id]


def test_english_key_ignores_case_and_punctuation():
    assert english_key("U.S.") == english_key("us") == "us"
    assert english_key("Côte d’Ivoire") == "cotedivoire"


def test_abbreviations(kb):
    abbr = kb.abbreviations()
    assert abbr["美"] == "us" and abbr["日"] == "jp" and abbr["韩"] == "kr" and abbr["台"] == "tw"
    assert abbr["俄"] == "ru" and abbr["乌"] == "ua" and abbr["澳"] == "au" and abbr["纽"] == "nz"
    assert abbr["菲"] == "ph" and abbr["印"] == "in" and abbr["欧"] == "eu" and abbr["朝"] == "kp"
    assert kb.get(abbr["韩"]).en == "South Korea"
    assert all(len(ch) == 1 for ch in abbr)
    # 美日韓 -> three countries
    assert [kb.get(abbr[c]).en for c in "美日韩"] == ["U.S.", "Japan", "South Korea"]


def test_single_characters_are_never_full_names(kb):
    """Genuinely ambiguous characters such as 中, 美, 日 live only in ``abbr``."""
    assert [f for f in kb.forms() if len(f) == 1] == []


# -- every entry valid, ambiguity documented -------------------------------------------------------
def test_every_entry_is_well_formed(kb):
    for entry in kb:
        assert entry.type in TYPES, entry.id
        assert entry.en.strip(), entry.id
        assert entry.zh, entry.id
        assert entry.zh_hans, entry.id  # always completed by the loader
        if entry.country is not None:
            assert kb.get(entry.country) is not None, entry.id
        for role in entry.roles:
            assert role.strip() and role == role.strip(), entry.id
            # an unquoted comma in a flow list splits "Minister of Economy, Trade and Industry"
            assert role[0].isupper() and role.count("(") == role.count(")"), (entry.id, role)
        if entry.type == "PERSON":
            assert entry.description, entry.id


def test_cross_type_ambiguities_are_documented(kb):
    documented = yaml.safe_load((KB_DIR / "known_ambiguities.yaml").read_text(encoding="utf-8")) or []
    allowed = {item["form"]: set(item["ids"]) for item in documented}
    found = kb.ambiguous_forms(cross_type_only=True)
    report = [f"{form}: {', '.join(f'{i} ({kb.get(i).type})' for i in ids_)}" for form, ids_ in sorted(found.items())]
    print("\n".join(["cross-type ambiguous forms:"] + report))
    undocumented = [form for form, ids_ in found.items() if set(ids_) != allowed.get(form)]
    assert undocumented == [], "add these to known_ambiguities.yaml or fix the data: " + ", ".join(undocumented)


def test_same_type_ambiguities_are_few(kb):
    found = kb.ambiguous_forms()
    print("\n".join(f"{form}: {', '.join(i)}" for form, i in sorted(found.items())))
    assert len(found) < 20


def test_a_name_two_entries_share_names_things_of_different_countries(kb):
    """高院 is Taiwan's and Hong Kong's high court; two entries of one country sharing a name are
    one thing entered twice (九一九軍事協議 was)."""
    same = {form: ids_ for form, ids_ in kb.ambiguous_forms().items()
            if len({kb.get(i).country for i in ids_}) < len(ids_)}
    assert same == {}


def test_short_forms_that_are_other_full_names_differ_by_country(kb):
    """A form may be one entry's full name and other entries' short form (財政部: Taiwan's ministry;
    HM Treasury's and the US Treasury's short form) only when they are the same kind of thing in
    different countries: the tagger lets the article's countries decide, the full name by default."""
    forms = kb.forms()
    clashes = {s: ids_ + forms[s] for s, ids_ in kb.short_forms().items() if s in forms and set(ids_) - set(forms[s])}
    bad = {s: ids_ for s, ids_ in clashes.items()
           if len({kb.get(i).type for i in ids_}) > 1 or len({kb.get(i).country for i in ids_}) < len(ids_)}
    assert bad == {}
    assert {"财政部", "外交部", "国防部"} <= set(clashes)


# -- coverage ------------------------------------------------------------------------------------
def test_counts_per_type_are_substantial(kb):
    counts = kb.counts()
    assert set(counts) == set(TYPES)
    assert counts["GPE"] >= 240
    assert counts["PERSON"] >= 300
    assert counts["ORG"] >= 120
    assert counts["POLICY"] >= 40
    assert counts["LOC"] >= 60
    assert counts["EVENT"] >= 40
    assert len(kb) == sum(counts.values()) >= 1000


def test_coverage_of_office_holders(kb):
    def holders(role_prefix: str) -> set[str]:
        return {e.en for e in kb if any(r.startswith(role_prefix) for r in e.roles)}

    assert {"Bill Clinton", "George W. Bush", "Barack Obama", "Donald Trump", "Joe Biden"} <= holders(
        "President of the United States")
    assert len(holders("US Secretary of State")) >= 9
    assert len(holders("US Secretary of Defense")) >= 10
    assert len(holders("Prime Minister of Japan")) >= 12
    assert len(holders("Minister of Defense (")) >= 15  # Japan
    assert len(holders("President of South Korea")) >= 7
    assert len(holders("Premier of the Republic of China")) >= 15
    assert len(holders("Minister of National Defense (")) >= 13  # Taiwan
    assert len(holders("Secretary General of NATO")) >= 5
    assert len(holders("Secretary-General of the United Nations")) == 3


def test_readme_count_table_is_current(kb):
    readme = (KB_DIR / "README.md").read_text(encoding="utf-8")
    assert count_table(kb) in readme, "regenerate with: python -m pipeline.kb readme"


def test_countries_yaml_matches_generator():
    """countries.yaml is generated; a hand edit or a forgotten re-run shows up here."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_countries", KB_DIR.parents[2] / "tools" / "build_countries.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    countries, _regions = mod.build()
    on_disk = yaml.safe_load((KB_DIR / "countries.yaml").read_text(encoding="utf-8"))
    assert [c["id"] for c in countries] == [c["id"] for c in on_disk]


# -- cache ---------------------------------------------------------------------------------------
def test_cached_load_is_fast_and_equal(cache_dir):
    cold = KnowledgeBase.load()
    assert list(cache_dir.glob("kb-*.pickle"))
    start = time.perf_counter()
    warm = KnowledgeBase.load()
    elapsed = time.perf_counter() - start
    assert elapsed < 0.3
    assert len(warm) == len(cold) and warm.forms() == cold.forms()


def test_cache_notices_changed_user_file(tmp_path, cache_dir):
    path = write(tmp_path, "- {id: x-a, type: ORG, en: First, zh: [甲會]}\n")
    assert KnowledgeBase.load([path]).get("x-a").en == "First"
    path.write_text("- {id: x-a, type: ORG, en: Second edition, zh: [甲會]}\n", encoding="utf-8")
    assert KnowledgeBase.load([path]).get("x-a").en == "Second edition"


def test_corrupt_cache_is_rebuilt(cache_dir):
    KnowledgeBase.load()
    for pickle_file in cache_dir.glob("kb-*.pickle"):
        pickle_file.write_bytes(b"not a pickle")
    assert len(KnowledgeBase.load()) > 1000

