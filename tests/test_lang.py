"""Chinese beside English: every template and message exists in both languages, no identifier is translated,
and the renderings speak the language asked for (``--lang``, else the locale's).

The lists checked are computed from the English sources (the Prolog knowledge base's template/3, the
vocabulary, the doctrines, kb/lang/en.yaml), so that a template, value or message added without its
Chinese fails here.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from aigc_kb.core.lang import (ENTITY_TYPES, atom_text, default_language, english_templates, language,
                               placeholders)
from aigc_kb.core.vocabulary import Vocabulary

from .conftest import ROOT, tool

ULTRAMAN = "cases/real_ultraman.yaml"
ZH = language("zh")
EN = language("en")


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m aigc_kb`` with the locale variables of ``env`` only (stable whatever the caller's locale)."""
    base = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")}
    return subprocess.run([sys.executable, "-m", "aigc_kb", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=ROOT, env={**base, **(env or {})}, timeout=300)


@pytest.fixture(scope="module")
def prolog_templates() -> dict[str, tuple[list[str], str]]:
    """Every template/3 of the Prolog knowledge base, as SWI-Prolog reads it: name -> (types, text)."""
    goal = ("forall(aigc_templates:template(N, T, X), "
            "(json_write_dict(current_output, _{name: N, types: T, text: X}, [width(0)]), nl)), halt")
    proc = subprocess.run([tool("swipl"), "-q", "-g", "use_module(library(http/json))", "-g", goal,
                           str(ROOT / "kb" / "prolog" / "aigc.pl")],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    assert len(rows) > 100
    return {r["name"]: (r["types"], r["text"]) for r in rows}


def test_the_template_table_is_the_prolog_one(prolog_templates: dict[str, tuple[list[str], str]]) -> None:
    """The renderer's English templates (read from the sources) are exactly the ones the Prolog explainer uses."""
    table = english_templates()
    assert set(table) == set(prolog_templates)
    for name, (types, text) in prolog_templates.items():
        assert (list(table[name].types), table[name].text) == (types, text), name


def test_every_template_has_chinese_with_the_same_placeholders(
        prolog_templates: dict[str, tuple[list[str], str]]) -> None:
    missing = sorted(set(prolog_templates) - set(ZH.templates))
    assert not missing, f"templates without Chinese in kb/lang/zh.yaml: {missing}"
    assert not sorted(set(ZH.templates) - set(prolog_templates)), "Chinese templates of no predicate"
    for name, (_, text) in prolog_templates.items():
        assert placeholders(ZH.templates[name]) == placeholders(text), name
        assert re.search(r"[\u4e00-\u9fff]", ZH.templates[name]), f"{name}: not Chinese"


def test_every_output_meaning_has_chinese_with_the_same_placeholders(kb_vocab: Vocabulary) -> None:
    for name, output in kb_vocab.outputs.items():
        assert name in ZH.outputs, name
        assert placeholders(ZH.outputs[name]) == placeholders(output.meaning), name


@pytest.fixture(scope="module")
def kb_vocab() -> Vocabulary:
    from aigc_kb.core.vocabulary import load_vocabulary

    return load_vocabulary(ROOT / "kb" / "vocabulary.yaml", ROOT / "kb" / "doctrines.yaml")


def test_every_value_regime_choice_point_and_burden_has_chinese(kb_vocab: Vocabulary) -> None:
    for enum, values in kb_vocab.enums.items():
        for value in values:
            assert value in ZH.values.get(enum, {}), f"{enum}: {value}"
    for point in kb_vocab.choice_points.values():
        assert point.name in ZH.choice_points, point.name
        for position in point.positions:
            assert position in ZH.values["position"], f"{point.name}: {position}"
    for regime in kb_vocab.regimes:
        assert regime in ZH.regimes and regime in ZH.values["regime"], regime
    bearers = {p.burden for p in kb_vocab.inputs.values() if isinstance(p.burden, str)}
    raw = yaml.safe_load((ROOT / "kb" / "vocabulary.yaml").read_text(encoding="utf-8"))["inputs"]
    bearers |= {b for spec in raw.values() if isinstance(spec.get("burden"), dict) for b in spec["burden"].values()}
    derived = re.findall(r"^derived_burden\([a-z_]+/\d+, ([a-z_]+)\)\.",
                         (ROOT / "kb" / "prolog" / "templates.pl").read_text(encoding="utf-8"), re.M)
    for bearer in bearers | set(derived) | {"provider"}:
        assert bearer in ZH.values["burden"], bearer
    # the value types of the auxiliary predicates' templates (basis, user_basis, ...): every constant the
    # rules of kb/prolog write in such an argument
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "kb" / "prolog").glob("*.pl"))
    for template in english_templates().values():
        for i, type_ in enumerate(template.types):
            if type_ in ENTITY_TYPES:
                assert ZH.nouns.get(type_), f"{template.name}: no Chinese noun for the type {type_}"
                continue
            assert ZH.values.get(type_), f"{template.name}: no Chinese values of type {type_}"
            assert ZH.nouns.get(type_), f"{template.name}: no Chinese noun for the type {type_}"
            if type_ in kb_vocab.enums:
                continue
            for args in re.findall(rf"\b{template.name}\(([^()]*)\)", source):
                parts = [a.strip() for a in args.split(",")]
                if len(parts) == len(template.types) and re.fullmatch(r"[a-z][a-z0-9_]*", parts[i]):
                    assert parts[i] in ZH.values[type_], f"{template.name}: {type_} {parts[i]}"


def test_every_doctrine_has_a_chinese_name_and_statement_that_keeps_its_identifiers(kb_vocab: Vocabulary) -> None:
    for d in kb_vocab.doctrines.values():
        words = ZH.doctrines.get(d.id)
        assert words and words.get("name") and words.get("statement"), d.id
        english, chinese = d.statement, words["statement"]
        # identifiers (`tdm_exception`), doctrine IDs, [ext] marks, quoted sections are the same in both
        for pattern in (r"`[^`]+`", r"\bD\d\d\b", r"\[ext", r"§\d+(?:\.\d+)?"):
            assert sorted(set(re.findall(pattern, english))) == sorted(set(re.findall(pattern, chinese))), \
                (d.id, pattern)


def test_every_message_exists_in_both_languages_with_the_same_fields() -> None:
    assert set(EN.messages) == set(ZH.messages)
    for key, text in EN.messages.items():
        assert placeholders(text) == placeholders(ZH.messages[key]), key


def test_atoms_keep_identifiers_and_use_display_names() -> None:
    text = atom_text(ZH, "liable", ["acme", "joint", "communication", "generation"])
    assert text == "acme在生成阶段就信息网络传播权承担连带责任"
    names = {"acme": {"zh": "某公司"}}
    assert atom_text(ZH, "liable", ["acme", "joint", "reproduction", None], names=names) == "某公司在…阶段就复制权承担连带责任"
    assert atom_text(ZH, "provider", [None, "gen"]) == "某一当事人以生成服务的形式向用户提供gen"
    assert atom_text(EN, "provider", [None, "gen"]) == "some party provides gen to users as a generation service"
    assert atom_text(ZH, "copyright", ["out", "not_a_work", "none", "no_human_contribution"]) == \
        "out属于非作品；著作权人：无人（无自然人的独创性贡献）"


def test_locale_default() -> None:
    assert default_language({}) == "en"
    assert default_language({"LANG": "zh_CN.UTF-8"}) == "zh"
    assert default_language({"LANG": "zh_CN.UTF-8", "LC_ALL": "C"}) == "en"
    assert default_language({"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_TW.UTF-8"}) == "zh"
    assert default_language({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}) == "zh"


#: English words allowed in the Chinese explanation of the Ultraman case: from the parties' display names.
_ALLOWED = {"AI", "Tab"}


@pytest.mark.parametrize("options", [(), ("--regime", "fault", "--why-not", "liable(tab_operator,secondary,_,_)")],
                         ids=["explain", "why-not"])
def test_ultraman_explanation_in_chinese_has_no_english_template_text(options: tuple[str, ...]) -> None:
    proc = run("explain", ULTRAMAN, "--lang", "zh", *options, env={"LC_ALL": "C"})
    assert proc.returncode == 0, proc.stderr
    text = proc.stdout
    if not options:
        assert "被告AI绘画网站（Tab）经营者在生成阶段就复制权承担直接侵权责任" in text
        assert "归责原则 = 严格责任（§5.3；默认）" in text
    else:
        assert "为何不能得出 liable(tab_operator, secondary, _, _)？" in text
        assert "归责原则 = 过错责任（§5.1；非默认，默认为严格责任），而非严格责任" in text
    # what English remains is identifiers: atoms, rule ids, the case's id
    rest = re.sub(r"\b[a-z_]+\([^()]*\)", "", text)           # conclusion atoms in Prolog syntax
    rest = re.sub(r"\br_[a-z0-9_]+", "", rest)                  # rule ids
    rest = rest.replace("real_ultraman", "").replace("[ext]", "")
    # no fragment of an English template or message survives
    for template in english_templates().values():
        for fragment in re.split(r"\{\d+\}", template.text):
            if len(fragment.strip()) > 6 and re.search(r"[a-z]{3}", fragment):
                assert fragment.strip() not in rest, fragment
    for message in EN.messages.values():
        for fragment in re.split(r"\{[a-z_]+\}", message):
            if len(fragment.strip()) > 6:
                assert fragment.strip() not in rest, fragment
    words = set(re.findall(r"[A-Za-z]{2,}", rest))
    assert words <= _ALLOWED, sorted(words - _ALLOWED)


def test_chinese_by_locale_and_english_by_default_or_c_locale() -> None:
    zh = run("evaluate", ULTRAMAN, env={"LANG": "zh_CN.UTF-8"})
    assert zh.returncode == 0 and "责任承担：" in zh.stdout and "Liable:" not in zh.stdout
    c = run("evaluate", ULTRAMAN, env={"LANG": "zh_CN.UTF-8", "LC_ALL": "C"})
    assert c.returncode == 0 and "Liable:" in c.stdout and "tab_operator: primary for" in c.stdout
    en = run("evaluate", ULTRAMAN, "--lang", "en", env={"LANG": "zh_CN.UTF-8"})
    assert en.stdout == c.stdout
    # JSON keys and identifiers never change; display strings only when --lang is asked for
    plain = json.loads(run("evaluate", ULTRAMAN, "--format", "json", env={"LANG": "zh_CN.UTF-8"}).stdout)
    asked = json.loads(run("evaluate", ULTRAMAN, "--format", "json", "--lang", "zh", env={"LC_ALL": "C"}).stdout)
    assert "lang" not in plain and asked.pop("lang") == "zh"
    assert plain == asked


def test_renderings_in_chinese() -> None:
    md = run("explain", ULTRAMAN, "--lang", "zh", "--format", "markdown", "--why-not",
             "liable(tab_operator,secondary,_,_)", env={"LC_ALL": "C"})
    assert md.returncode == 0, md.stderr
    assert md.stdout.startswith("# 解释：real\\_ultraman")
    assert "## 为何不能得出 `liable(tab_operator, secondary, _, _)`？" in md.stdout
    full = run("explain", ULTRAMAN, "--lang", "zh", "--cite", "full", "--query", "liable(tab_operator,_,reproduction,_)",
               env={"LC_ALL": "C"})
    assert "| D07 服务提供者的直接责任: 其系统生成侵权内容的服务提供者" in full.stdout
    # the paper's sentences stay in the paper's language
    assert "de facto direct infringers" in full.stdout
    data = json.loads(run("explain", ULTRAMAN, "--lang", "zh", "--format", "json", env={"LC_ALL": "C"}).stdout)
    assert data["lang"] == "zh"
    liable = data["answers"][0]["conclusions"][0]
    assert liable["pred"] == "liable" and liable["args"][0] == "tab_operator" and "承担" in liable["text"]
    doctrines = run("doctrines", "D15", "--lang", "zh", env={"LC_ALL": "C"})
    assert doctrines.stdout.startswith("D15 安全港规则不适用（§3.2）") and "Prolog 规则（" in doctrines.stdout
    explained = run("evaluate", "cases/real_dreamwriter.yaml", "--lang", "zh", "--explain", env={"LC_ALL": "C"})
    assert "深圳市腾讯计算机系统有限公司（委托作品，无约定时归受托的服务提供者）" in explained.stdout
    assert "依 r_d29_" in explained.stdout


def test_names_block_is_part_of_the_case_format(tmp_path: Path) -> None:
    case = (ROOT / "cases" / "real_li_v_liu.yaml").read_text(encoding="utf-8")
    assert "names:" in case
    bad = tmp_path / "bad.yaml"
    bad.write_text(case.replace("  li: {zh: 李某}", "  li: {fr: Li}"), encoding="utf-8")
    proc = run("check", str(bad), env={"LC_ALL": "C"})
    assert proc.returncode == 2 and "fr" in proc.stderr + proc.stdout


def test_http_api_takes_lang_where_it_renders_text() -> None:
    testclient = pytest.importorskip("fastapi.testclient")
    import jsonschema

    from aigc_kb import KnowledgeBase, Limits
    from aigc_kb.server.app import create_app
    from aigc_kb.server.schemas import schema

    with testclient.TestClient(create_app(KnowledgeBase(limits=Limits(time=60)), workers=1)) as client:
        body = {"case_name": "real_ultraman.yaml", "query": "liable(tab_operator, _, reproduction, _)"}
        english = client.post("/api/v1/explain", json=body).json()
        chinese = client.post("/api/v1/explain", json={**body, "lang": "zh"}).json()
        jsonschema.Draft202012Validator(schema("explanation")).validate(chinese)
        assert "lang" not in english and chinese["lang"] == "zh"
        top_en, top_zh = english["answers"][0]["conclusions"][0], chinese["answers"][0]["conclusions"][0]
        assert (top_en["pred"], top_en["args"]) == (top_zh["pred"], top_zh["args"])
        assert top_zh["text"] == "被告AI绘画网站（Tab）经营者在生成阶段就复制权承担直接侵权责任"
        text = client.post("/api/v1/explain", json={**body, "lang": "zh", "format": "text"}).text
        assert text.startswith("案件 real_ultraman，归责原则：严格责任（§5.3；默认）")
        evaluation = client.post("/api/v1/evaluate", json={"case_name": "real_ultraman.yaml", "lang": "zh",
                                                           "reasons": True}).json()
        jsonschema.Draft202012Validator(schema("evaluation")).validate(evaluation)
        assert evaluation["display"]["liable"]["title"] == "责任承担"
        assert evaluation["display"]["liable"]["lines"] == [
            "被告AI绘画网站（Tab）经营者：就改编权、复制权承担直接侵权责任（生成阶段）——涉及奥特曼形象作品"
            "（经由涉案奥特曼变形图片）、奥特曼形象作品（经由涉案奥特曼图片）  [D07, D13]"]
        assert evaluation["liable"][0]["subject"] == "tab_operator"
        assert "承担直接侵权责任" in evaluation["liable"][0]["why"][0]["conditions"][0]
        bad = client.post("/api/v1/explain", json={**body, "lang": "fr"})
        assert bad.status_code == 422
        catalogue = client.get("/api/v1/doctrines", params={"lang": "zh"}).json()
        jsonschema.Draft202012Validator(schema("doctrines")).validate(catalogue)
        d15 = next(d for d in catalogue["doctrines"] if d["id"] == "D15")
        assert d15["name"] == "safe_harbor_rejected" and d15["text"]["name"] == "安全港规则不适用"
        assert "text" not in client.get("/api/v1/doctrines").json()["doctrines"][0]


def test_diff_report_in_chinese(tmp_path: Path) -> None:
    from .test_diff import CASES_DIR, INTENT_EDIT, KB_DIR, edited_kb

    edited = edited_kb(tmp_path, INTENT_EDIT)
    case = str(CASES_DIR / "x_d26_neg.yaml")
    text = run("diff", "--base", str(KB_DIR), "--kb", str(edited), "--cases", case, "--lang", "zh",
               env={"LC_ALL": "C"})
    assert text.returncode == 1, text.stderr
    assert "x_d26_neg, 解读 paper（严格责任）" in text.stdout
    assert "+ insurance(p, ins)  [D26]  (新增; prolog, asp)" in text.stdout
    assert "依规则 r_d26_insurance" in text.stdout
    assert "1个案件解读中有1个不同，共2项结论发生变化" in text.stdout
    md = run("diff", "--base", str(KB_DIR), "--kb", str(edited), "--cases", case, "--lang", "zh",
             "--format", "markdown", env={"LC_ALL": "C"})
    assert md.stdout.startswith("# 修改带来的变化") and "| 变化 | 结论 | 规则 | 推理引擎 |" in md.stdout


def test_check_headings_in_chinese() -> None:
    proc = run("check", ULTRAMAN, "--lang", "zh", env={"LC_ALL": "C"})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0].startswith("ok   real_ultraman：2个解读，")
    assert proc.stdout.splitlines()[-1] == "1个通过，0个未通过"


def _js_keys(block: str) -> set[str]:
    return set(re.findall(r"^    ([A-Za-z_]+):", block, re.M))


def test_the_workbench_has_every_text_in_both_languages() -> None:
    source = (ROOT / "web" / "src" / "messages.js").read_text(encoding="utf-8")
    en_block = source.split("\n  en: {", 1)[1].split("\n  },", 1)[0]
    zh_block = source.split("\n  zh: {", 1)[1].split("\n  },", 1)[0]
    assert len(_js_keys(en_block)) > 80
    assert _js_keys(en_block) == _js_keys(zh_block)
    for key in _js_keys(en_block):
        english = re.search(rf'^    {key}: "(.*)",$', en_block, re.M)
        chinese = re.search(rf'^    {key}: "(.*)",$', zh_block, re.M)
        assert english and chinese, key
        assert placeholders(english.group(1)) == placeholders(chinese.group(1)), key
    # the built bundle carries the Chinese table and the switch
    bundle = (ROOT / "aigc_kb" / "server" / "static" / "workbench.js").read_text(encoding="utf-8")
    assert 'zh:{title:"aigc-kb \\u5DE5\\u4F5C\\u53F0"' in bundle   # esbuild writes "aigc-kb 工作台" escaped
    assert 'id="lang-select"' in (ROOT / "aigc_kb" / "server" / "static" / "index.html").read_text(encoding="utf-8")


def test_html_and_dot_of_a_chinese_explanation() -> None:
    from aigc_kb.explain.model import Explanation
    from aigc_kb.explain.render import render_dot, render_html

    proc = run("explain", ULTRAMAN, "--lang", "zh", "--format", "json", "--regime", "fault", "--why-not",
               "liable(tab_operator,secondary,_,_)", env={"LC_ALL": "C"})
    expl = Explanation.from_json(proc.stdout)
    assert expl.lang == "zh"
    page = render_html(expl)
    assert "<b>为何不能得出 liable(tab_operator, secondary, _, _)？</b>" in page
    assert "不满足：" in page and "fails" not in page
    graph = render_dot(expl)
    assert "为何不能得出" in graph and 'label="不满足"' in graph


def test_english_display_names_are_used_in_english(kb_vocab: Vocabulary) -> None:
    from aigc_kb.core.render import evaluation_lines
    from aigc_kb.core.result import SECTIONS

    names = {"acme": {"en": "Acme Ltd.", "zh": "某科技公司"}}
    assert atom_text(EN, "provider", ["acme", "gen"], names=names) == \
        "Acme Ltd. provides gen to users as a generation service"
    assert atom_text(ZH, "provider", ["acme", "gen"], names=names) == "某科技公司以生成服务的形式向用户提供gen"
    result: dict[str, Any] = {key: [] for key, _ in SECTIONS}
    result["liable"] = [{"subject": "acme", "kind": "joint", "rights": ["reproduction"], "stage": "generation",
                         "doctrines": ["D11"],
                         "for": [{"right": "reproduction", "work": "w1", "output": "o1"}]}]
    names["o1"] = {"en": "the image", "zh": "该图片"}
    (title, lines), = [(t, ls) for t, ls in evaluation_lines(result, kb_vocab, lang="en", names=names) if ls]
    assert (title, lines) == ("Liable", ["Acme Ltd.: joint for reproduction (generation stage) - for w1 through "
                                         "the image  [D11]"])
    (title, lines), = [(t, ls) for t, ls in evaluation_lines(result, kb_vocab, lang="zh", names=names) if ls]
    assert (title, lines) == ("责任承担", ["某科技公司：就复制权承担连带责任（生成阶段）——涉及w1（经由该图片）  [D11]"])


def test_a_training_copy_names_the_artefact_it_trained(kb_vocab: Vocabulary) -> None:
    """A training-stage liability's infringement names the systems or models the copy trained (its JSON
    ``artefacts``), in both languages, with their display names."""
    from aigc_kb.core.render import evaluation_lines
    from aigc_kb.core.result import SECTIONS

    names = {"m1": {"en": "the Lily model", "zh": "百合模型"}}
    result: dict[str, Any] = {key: [] for key, _ in SECTIONS}
    result["liable"] = [{"subject": "tina", "kind": "primary", "rights": ["reproduction"], "stage": "training",
                         "doctrines": ["D02"],
                         "for": [{"right": "reproduction", "work": "w1", "output": None, "artefacts": ["m1", "gen"]},
                                 {"right": "reproduction", "work": "w2", "output": None}]}]
    (_, lines), = [(t, ls) for t, ls in evaluation_lines(result, kb_vocab, lang="en", names=names) if ls]
    assert lines == ["tina: primary for reproduction (training stage) - for w1 (copied to train the Lily model, gen), "
                     "w2  [D02]"]
    (_, lines), = [(t, ls) for t, ls in evaluation_lines(result, kb_vocab, lang="zh", names=names) if ls]
    assert lines == ["tina：就复制权承担直接侵权责任（训练阶段）——涉及w1（复制用于训练百合模型、gen）、w2  [D02]"]


def test_the_text_result_shows_a_training_copys_model() -> None:
    """``evaluate`` in text, in both languages: the fine-tuning copy of a user-made model names the model."""
    for lang, line in (("en", "  - bob: primary for reproduction (training stage) - for w1 (copied to train m1)  [D02]"),
                       ("zh", "  - bob：就复制权承担直接侵权责任（训练阶段）——涉及w1（复制用于训练m1）  [D02]")):
        proc = run("evaluate", "cases/i14_models_training_pos.yaml", "--lang", lang, env={"LC_ALL": "C"})
        assert proc.returncode == 0, proc.stderr
        assert line in proc.stdout.splitlines(), proc.stdout


COPIES = "cases/i14_copies_product_pos.yaml"


def test_an_explanation_names_a_copy_a_copy() -> None:
    """An infringement or liability through a copy in another medium is worded "(copy: mug1)", through an output
    "(output: o3)", in both languages: the noun follows the entity's type ({3:noun} in the templates)."""
    wanted = {
        "en": ["acme infringed the reproduction right in w1 in the generation stage (output: o3)",
               "fab infringed the adaptation right in o2 in the generation stage (copy: mug1)",
               "shop infringed the distribution right in w1 in the generation stage (copy: tee1)"],
        "zh": ["acme在生成阶段侵犯了w1的复制权（生成内容：o3）",
               "fab在生成阶段侵犯了o2的改编权（复制件：mug1）",
               "shop在生成阶段侵犯了w1的发行权（复制件：tee1）",
               "shop在生成阶段就o2的发行权承担直接侵权责任（复制件：mug1）"],
    }
    for lang, lines in wanted.items():
        text = ""
        for query in ("infringement(_,_,_,_,_)", "liable_for(shop,_,_,_,_,_)"):
            proc = run("explain", COPIES, "--lang", lang, "--depth", "0", "--query", query, env={"LC_ALL": "C"})
            assert proc.returncode == 0, proc.stderr
            text += proc.stdout
        said = {line.strip() for line in text.splitlines()}
        assert set(lines) <= said, (lang, sorted(said))
        assert "(output: mug1)" not in text and "（生成内容：mug1）" not in text and "（生成内容：tee1）" not in text


@pytest.mark.parametrize("engine", ["prolog", "asp"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_reasons_of_an_evaluation_name_a_copy_a_copy(engine: str, lang: str) -> None:
    """``evaluate --explain`` on either engine words its reasons with the Prolog rules: a copy is never called an
    output, in either language."""
    proc = run("evaluate", COPIES, "--engine", engine, "--explain", "--lang", lang, env={"LC_ALL": "C"})
    assert proc.returncode == 0, proc.stderr
    copy_word = "the copy mug1" if lang == "en" else "复制件mug1"
    assert copy_word in proc.stdout
    for copy in ("mug1", "tee1"):
        assert f"(output: {copy})" not in proc.stdout and f"（生成内容：{copy}）" not in proc.stdout
        assert f"output {copy}" not in proc.stdout and f"生成内容{copy}" not in proc.stdout


def test_the_noun_of_an_argument_follows_its_entity_type() -> None:
    """The Python wording chooses the noun as the Prolog explainer does (arg_noun/3): the member of the union
    the case declares the entity to be, else the first; the noun of any other type."""
    from aigc_kb.core.lang import argument_noun, entity_kinds
    from aigc_kb.core.model import Fact

    kinds = entity_kinds([Fact("copy", ("poster1",)), Fact("output", ("o1",)), Fact("copy_medium", ("poster1", "print"))])
    assert kinds == {"poster1": "copy", "o1": "output"}
    for lg, copy, output in ((EN, "copy", "output"), (ZH, "复制件", "生成内容")):
        assert argument_noun(lg, "output_or_copy_or_none", "poster1", kinds) == copy
        assert argument_noun(lg, "output_or_copy_or_none", "o1", kinds) == output
        assert argument_noun(lg, "output_or_copy_or_none", "none", kinds) == output
        assert argument_noun(lg, "output_or_copy_or_none", None, kinds) == output
        assert argument_noun(lg, "output_or_copy", "poster1", {}) == output   # undeclared: the first member
    assert argument_noun(EN, "item", "w1", kinds) == "work or output"
    assert atom_text(ZH, "liable_for", ["shop", "primary", "distribution", "o2", "mug1", "generation"],
                     kinds={"mug1": "copy"}) == "shop在生成阶段就o2的发行权承担直接侵权责任（复制件：mug1）"


@pytest.mark.parametrize(("case", "entity", "options"), [
    (ULTRAMAN, "tab_operator", ()),
    (ULTRAMAN, "tab_operator", ("--regime", "fault", "--why-not", "liable(tab_operator,secondary,_,_)")),
    ("cases/real_dreamwriter.yaml", "yingxun", ("--depth", "2")),
], ids=["explain", "why-not", "conjunctions"])
def test_the_python_wording_in_english_is_the_prolog_one(kb_vocab: Vocabulary, case: str, entity: str,
                                                         options: tuple[str, ...]) -> None:
    """Worded anew in English with a display name, every text equals the Prolog explainer's with the name in
    place of the identifier: the one renderer words both languages the way the knowledge base does."""
    from aigc_kb.explain.localize import localize
    from aigc_kb.explain.model import Explanation

    proc = run("explain", case, "--format", "json", "--lang", "en", *options, env={"LC_ALL": "C"})
    expl = Explanation.from_json(proc.stdout)
    named = localize(expl, "en", kb_vocab, names={entity: {"en": "The Named Co"}})
    before = [n for a in expl.answers for top in (*a.conclusions, *a.attempts) for n in top.walk()]
    after = [n for a in named.answers for top in (*a.conclusions, *a.attempts) for n in top.walk()]
    assert len(before) == len(after) > 20
    kinds = {n.kind for n in before}
    for old, new in zip(before, after):
        assert new.text == old.text.replace(entity, "The Named Co"), old.kind
    if case != ULTRAMAN:
        assert "absent_all" in kinds and any(n.goals for n in before)  # conjunctions worded from their goals


def test_scenario_commands_in_chinese() -> None:
    compare = run("compare", ULTRAMAN, "--lang", "zh", env={"LC_ALL": "C"})
    assert compare.returncode == 0, compare.stderr
    assert compare.stdout.startswith("案件 real_ultraman：各归责原则下的结论")
    assert "<> liable(tab_operator, primary, reproduction, generation)" in compare.stdout  # atoms stay
    flips = run("flips", ULTRAMAN, "--lang", "zh", env={"LC_ALL": "C"})
    assert flips.stdout.startswith("案件 real_ultraman，归责原则 严格责任：尝试了")
    assert "    失去 liable(tab_operator, primary, reproduction, generation)" in flips.stdout
    must = run("must-prove", "cases/unknown_fault_proven.yaml", "--regime", "fault", "--goal", "liable(acme,_,_,_)",
               "--lang", "zh", env={"LC_ALL": "C"})
    assert must.returncode == 0, must.stderr
    assert must.stdout.startswith("目标：liable(acme, _, _, _)（案件 unknown_fault_proven，归责原则 过错责任）")
    enum = run("enumerate", "cases/unknown_fault_proven.yaml", "--lang", "zh", env={"LC_ALL": "C"})
    assert enum.returncode == 0, enum.stderr
    assert "尚未查明的事实：fault_proven(acme)" in enum.stdout and "== 归责原则 严格责任：" in enum.stdout


def test_vocab_in_chinese() -> None:
    proc = run("vocab", "--lang", "zh", env={"LC_ALL": "C"})
    assert proc.returncode == 0, proc.stderr
    assert "  developer(party, system)" in proc.stdout and "〈party〉开发并训练了〈system〉" in proc.stdout
    assert "regime: strict（严格责任）, presumed_fault（过错推定）, fault（过错责任）, notice_and_takedown（通知—删除规则）" \
        in proc.stdout


def test_the_readme_shows_a_real_chinese_explanation() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = "aigc-kb explain cases/real_ultraman.yaml --lang zh --query 'liable(tab_operator, _, reproduction, _)' --depth 0"
    assert f"    $ {command}\n" in readme
    proc = run("explain", ULTRAMAN, "--lang", "zh", "--query", "liable(tab_operator, _, reproduction, _)", "--depth", "0",
               env={"LC_ALL": "C"})
    shown = "\n".join(f"    {line}" if line else "" for line in proc.stdout.rstrip("\n").split("\n"))
    assert f"    $ {command}\n{shown}\n" in readme
