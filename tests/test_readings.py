"""pipeline.readings: pypinyin with its phrases given on demand reads exactly as with all of them."""

import json
import os
import subprocess
import sys

from .conftest import ROOT

SCRIPT = """
import json, os, sys
from pipeline import readings
words = json.load(sys.stdin)
out = [readings.lazy_pinyin(w, errors="ignore", v_to_u=True) for w in words]
out += [readings.lazy_pinyin(w, errors="ignore", v_to_u=False) for w in words]
from pypinyin.constants import PHRASES_DICT
json.dump({"readings": out, "phrases": len(PHRASES_DICT)}, sys.stdout)
"""


def _strings() -> list[str]:
    import random

    from pypinyin.constants import PHRASES_DICT

    phrases = sorted(PHRASES_DICT)
    rng = random.Random(7)
    picked = rng.sample(phrases, 1500)
    # names and places whose reading a phrase decides (范长龙 Fan Changlong, not Zhanglong), runs
    # mixing phrases with other characters, and phrases cut across
    fixed = ["范长龙", "长龙", "朝阳", "重庆", "银行家", "韵聿", "乐天", "曾国藩", "单于", "长春市长", "行长说", "了不起来",
             "台湾大学", "说服力", "中华民国总统府", "一丁不识长", "x长龙y"]
    mixed = [rng.choice(phrases)[1:] + rng.choice(phrases) + rng.choice(phrases)[:2] for _ in range(500)]
    return fixed + picked + mixed


def test_phrases_on_demand_read_as_the_whole_dictionary():
    from pypinyin import lazy_pinyin

    words = _strings()
    expected = [lazy_pinyin(w, errors="ignore", v_to_u=True) for w in words]
    expected += [lazy_pinyin(w, errors="ignore", v_to_u=False) for w in words]
    env = dict(os.environ, ZHGLOSS_PINYIN_PHRASES="on-demand")
    done = subprocess.run([sys.executable, "-c", SCRIPT], input=json.dumps(words), capture_output=True, text=True,
                          env=env, cwd=ROOT, check=True, timeout=300)
    got = json.loads(done.stdout)
    assert got["phrases"] < 20000  # it ran on demand: only the phrases of these strings were loaded
    assert got["readings"] == expected
    assert expected[0] == ["fan", "chang", "long"]


def test_library_use_keeps_pypinyin_whole():
    """Without the program's setting, pypinyin is imported as usual (another part of the same
    process may use it)."""
    script = "from pipeline import readings; readings.lazy_pinyin('长龙');" \
             "from pypinyin.constants import PHRASES_DICT; print(len(PHRASES_DICT))"
    env = {k: v for k, v in os.environ.items() if k != "ZHGLOSS_PINYIN_PHRASES"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT,
                          check=True, timeout=300)
    assert int(done.stdout) > 40000
