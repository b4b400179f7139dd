import re
from pathlib import Path

import pytest
import yaml

from newsprism.errors import ConfigError
from newsprism.outlets.registry import AFFILIATIONS, ENTRY_FIELDS, KINDS, load_registry, registry_for
from newsprism.pipeline import Resources

RES = Path(__file__).resolve().parents[1] / "src" / "newsprism" / "outlets" / "resources" / "outlets"


@pytest.fixture(scope="module")
def reg():
    return load_registry()


def test_registry_has_at_least_450_outlets_each_with_a_source_and_valid_facts(reg):
    assert len(reg) >= 450
    for o in reg:
        assert o.sources and all(s.strip() for s in o.sources), o.id
        assert re.fullmatch(r"[A-Z]{2}", o.country or ""), o.id
        assert o.kind in KINDS, o.id
        assert o.known is True
        if o.state_affiliated:
            assert o.owner_state, o.id
    assert {reg.affiliation[i] for i in reg.affiliation} == set(AFFILIATIONS)


def test_every_file_has_the_documented_header_and_readme_documents_every_field():
    readme = (RES / "README.md").read_text("utf-8")
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", readme, re.M))
    assert documented >= ENTRY_FIELDS
    assert "Apache-2.0" in readme
    for f in sorted(RES.glob("*.yaml")):
        head = f.read_text("utf-8").splitlines()[:6]
        assert any("Fields:" in line for line in head) and any("Apache-2.0" in line for line in head), f.name


@pytest.mark.parametrize(
    ("oid", "name", "long_name", "country", "kind"),
    [
        ("ispionline.it", "ISPI", "Italian Institute for International Political Studies", "IT", "think tank"),
        ("spectator.co.uk", "The Spectator", None, "GB", "magazine"),
    ],
)
def test_seed_outlets_have_the_gold_facts(reg, oid, name, long_name, country, kind):
    o = reg.get(oid)
    assert o is not None and o.name == name and o.country == country and o.kind == kind
    if long_name:
        assert o.long_name == long_name


@pytest.mark.parametrize(
    ("oid", "affiliation", "owner_state"),
    [
        ("rt.com", "state", "RU"),
        ("tass.ru", "state", "RU"),
        ("sputniknews.com", "state", "RU"),
        ("ria.ru", "state", "RU"),
        ("xinhuanet.com", "state", "CN"),
        ("cgtn.com", "state", "CN"),
        ("globaltimes.cn", "state", "CN"),
        ("people.com.cn", "state", "CN"),
        ("chinadaily.com.cn", "state", "CN"),
        ("khabar.kz", "state", "KZ"),
        ("inform.kz", "state", "KZ"),
        ("presstv.ir", "state", "IR"),
        ("trt.net.tr", "state", "TR"),
        ("aa.com.tr", "state", "TR"),
        ("aljazeera.com", "state", "QA"),
        ("voanews.com", "state-funded", "US"),
        ("rferl.org", "state-funded", "US"),
        ("azattyq.org", "state-funded", "US"),
        ("bbc.co.uk", "public", None),
        ("meduza.io", "independent", None),
        ("tvrain.tv", "independent", None),
        ("vlast.kz", "independent", None),
    ],
)
def test_state_affiliation_is_recorded_and_public_is_not_state(reg, oid, affiliation, owner_state):
    o = reg.get(oid)
    assert o is not None, oid
    assert reg.affiliation[oid] == affiliation
    assert o.owner_state == owner_state
    assert o.state_affiliated is (affiliation in ("state", "state-funded"))


def test_mirrors_and_aliases_are_listed(reg):
    assert {"rt.com", "russian.rt.com", "francais.rt.com"} <= set(reg.get("rt.com").domains)
    assert {"sputniknews.com", "sputnik.kz"} <= set(reg.get("sputniknews.com").domains)
    assert "RFE/RL's Kazakh Service" in reg.get("azattyq.org").aliases


def test_coverage_of_the_regions_the_issue_names(reg):
    ids = set(reg.outlets)
    central_asia = {
        "azattyq.org",
        "vlast.kz",
        "tengrinews.kz",
        "kursiv.media",
        "orda.kz",
        "kaztag.kz",
        "zakon.kz",
        "nur.kz",
        "24.kz",
        "inform.kz",
        "khabar.kz",
        "egemen.kz",
        "kazpravda.kz",
        "eurasianet.org",
        "akipress.com",
        "24.kg",
        "kaktus.media",
        "kloop.kg",
        "asiaplustj.info",
        "gazeta.uz",
        "kun.uz",
        "podrobno.uz",
        "turkmen.news",
    }
    assert central_asia <= ids
    wires = {
        "reuters.com",
        "apnews.com",
        "afp.com",
        "dpa.com",
        "efe.com",
        "ansa.it",
        "interfax.ru",
        "kyodonews.net",
        "yna.co.kr",
        "ptinews.com",
        "aninews.in",
    }
    assert wires <= ids
    tanks = {
        "carnegieendowment.org",
        "chathamhouse.org",
        "csis.org",
        "brookings.edu",
        "rand.org",
        "ecfr.eu",
        "iiss.org",
        "valdaiclub.com",
        "russiancouncil.ru",
        "jamestown.org",
    }
    assert tanks <= ids
    countries = {o.country for o in reg}
    for cc in (
        "US",
        "GB",
        "FR",
        "DE",
        "IT",
        "ES",
        "PL",
        "NL",
        "SE",
        "NO",
        "DK",
        "FI",
        "RU",
        "CN",
        "HK",
        "TW",
        "KZ",
        "KG",
        "TJ",
        "UZ",
        "TM",
        "TR",
        "QA",
        "AE",
        "SA",
        "IR",
        "IL",
        "IN",
        "PK",
        "JP",
        "KR",
        "UA",
        "BR",
        "AR",
        "MX",
        "ZA",
        "NG",
        "KE",
    ):
        assert cc in countries, cc


def test_only_genuinely_shared_names_are_ambiguous(reg):
    assert reg.ambiguous_names <= {"apa", "cna"}
    assert reg.find_name("APA") is None  # two agencies: never guessed


def test_registry_is_loaded_lazily_once_per_resources():
    res = Resources()
    assert "outlets.registry" not in res.loaded()
    first = registry_for(res)
    assert "outlets.registry" in res.loaded() and registry_for(res) is first


def test_bad_registry_files_are_refused_with_file_and_entry(tmp_path):
    bad = tmp_path / "mine.yaml"
    bad.write_text("- {name: X, country: GB, kind: pamphlet, source: me}\n", "utf-8")
    with pytest.raises(
        ConfigError, match=r"mine.yaml: entry 1 \(X\): 'kind' 'pamphlet' is not valid; valid: newspaper"
    ):
        load_registry(extra=[bad], bundled=False)
    clash = tmp_path / "clash.yaml"
    clash.write_text(
        "- {id: fake-rt, name: Fake RT, domains: [rt.com], country: GB, kind: blog, source: me}\n", "utf-8"
    )
    with pytest.raises(ConfigError, match=r"already claimed by 'rt\.com'"):
        load_registry(extra=[clash])
    nosrc = tmp_path / "nosrc.yaml"
    nosrc.write_text("- {name: Y, country: GB, kind: blog}\n", "utf-8")
    with pytest.raises(ConfigError, match="'source' is required"):
        load_registry(extra=[nosrc], bundled=False)


def test_user_files_can_replace_a_shipped_entry(tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        yaml.safe_dump(
            [
                {
                    "id": "vlast.kz",
                    "name": "Vlast",
                    "domains": ["vlast.kz"],
                    "country": "KZ",
                    "kind": "magazine",
                    "source": "our notes",
                }
            ]
        ),
        "utf-8",
    )
    reg = load_registry(extra=[mine])
    assert reg.get("vlast.kz").kind == "magazine" and reg.get("vlast.kz").sources == ["our notes"]
