"""Batch extraction on Ray Data: JSONL or Parquet shards in, proxygraph.doc/1 out.

    from proxygraph.scale.ray_engine import RayJob, RayResult, iter_records, run
    result = run(["shards/"], "out/", RayJob(workers=4))            # local Ray
    result = run(["s3://b/in/"], "s3://b/out/", RayJob(address="ray://head:10001"))
    for record in iter_records(["shards/"], RayJob(workers=4), RayResult()):  # to the driver
        ...

Pipeline: the input lines (JSONL, read with ray.data.read_text, one row per line) or rows
(Parquet, ray.data.read_parquet) go through `map_batches` into `ExtractUDF`, a class whose
instances are Ray actors (`concurrency=workers`): each builds the spaCy pipeline and the
knowledge base once, then turns every row into a Document exactly as `proxygraph extract
FILE.jsonl` does (the same reader function, so the same ids, source fallback to the file
name, date normalisation and validation) and extracts it. Records are byte-identical to
the single-process output; their order across shards is not kept.

JSONL lines are parsed by proxygraph, not by ray.data.read_json: Arrow's JSON reader infers
one schema per block, so an "id" that is a number on one line and a string on the next, or
a "source" given as {"name": ...}, would fail or change type.

Output (a directory): JSONL, one proxygraph.doc/1 record per line, or Parquet with columns
doc_id, source, date, url, title and record (the doc/1 record as a JSON string, so that
nothing is lost to Arrow's schema unification). Inputs that cannot be read (bad JSON, no
text, not English, too long, over the time budget) are not written; they come back in
RayResult.errors, one line each, as `extract` reports them.

`iter_records` streams the records to the driver instead (for `proxygraph load --engine
ray`), each with its "text", skipping the documents a store already holds.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

INSTALL_HINT = "the Ray engine needs the ray extra: pip install 'proxygraph[ray]'"
PARQUET_SUFFIXES = (".parquet", ".pq")


class RayUnavailable(RuntimeError):
    """Ray (with Ray Data) is not installed."""


@dataclass(frozen=True)
class RayJob:
    """How to run: where, how wide, and the Extractor's settings.

    address (str | None): a Ray cluster ("ray://head:10001", "auto"); None starts local Ray.
    workers (int): extraction actors (each loads the pipeline once, about 0.5 GB).
    batch_size (int): documents per map_batches call.
    object_store_mb (int | None): object store of a local Ray (None: Ray's default).
    extractor (dict): keyword arguments of proxygraph.extractor.Extractor.
    """

    address: str | None = None
    workers: int = 2
    batch_size: int = 32
    object_store_mb: int | None = None
    extractor: dict[str, Any] = field(default_factory=dict)


@dataclass
class RayResult:
    """Records written (or yielded), failed inputs (one line each), stored ones skipped."""

    written: int = 0
    errors: list[str] = field(default_factory=list)
    skipped: int = 0


def require_ray() -> Any:
    """The ray module, or RayUnavailable with the install hint."""
    try:
        import ray
        import ray.data  # noqa: F401  (the data extra: pyarrow, pandas)
    except ImportError as exc:
        raise RayUnavailable(INSTALL_HINT) from exc
    return ray


class ExtractUDF:
    """A Ray Data callable class: one Extractor (pipeline loaded once) per actor.

    A batch has either "text" (JSONL lines) or the document columns (Parquet), and "path"
    when the reader added it. It returns columns doc_id, source, date, url, title, record
    (JSON string, "" for a failure or a skip), error ("" for a record) and skipped (True
    for a document in `stored`).

    with_text (bool): add the document's "text" to each record (for `load`).
    stored (ndarray | ObjectRef | None): sorted content hashes of documents not to
        extract again (see stored.py).
    """

    def __init__(
        self,
        extractor_kwargs: dict[str, Any],
        parquet: bool,
        with_text: bool = False,
        stored: Any = None,
    ) -> None:
        from proxygraph.extractor import Extractor

        self.extractor = Extractor(**extractor_kwargs)
        _ = self.extractor.pipe
        self.parquet = parquet
        self.with_text = with_text
        self.stored = _resolve(stored)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        from proxygraph.errors import LimitExceeded

        out: dict[str, list[Any]] = {k: [] for k in _COLUMNS}
        for obj, origin, name in _rows(batch, self.parquet):
            doc = _document(obj, origin, name)
            error = self._problem(doc)
            if error is None and self._is_stored(doc):
                _append(out, doc_id="", record="", error="", skipped=True)
                continue
            if error is None:
                try:
                    record = self.extractor.extract(doc)
                except LimitExceeded as exc:
                    error = exc
            if error is not None:
                _append(out, doc_id="", record="", error=str(error))
                continue
            if self.with_text:
                record["text"] = doc.text
            _append(
                out,
                doc_id=record["doc_id"],
                source=record["source"],
                date=record["date"],
                url=record["url"],
                title=record["title"],
                record=json.dumps(record, ensure_ascii=False),
                error="",
            )
        return out

    def _problem(self, doc: Any) -> Any:
        """Why a row is not extracted (as `extract` reports it), or None."""
        from proxygraph.errors import InvalidInput
        from proxygraph.ingest import non_english_reason
        from proxygraph.limits import too_long

        if isinstance(doc, InvalidInput):
            return doc
        error = too_long(doc, self.extractor.max_chars)
        if error is None and (reason := non_english_reason(doc.text)):
            error = f"{doc.origin or doc.source}: {reason}; skipped"
        return error

    def _is_stored(self, doc: Any) -> bool:
        from proxygraph.scale.stored import is_stored

        if self.stored is None:
            return False
        return is_stored(self.stored, doc.source, doc.doc_id, doc.text)


def _resolve(value: Any) -> Any:
    """A value passed to an actor, fetched from the object store when it is a reference."""
    import ray

    return ray.get(value) if isinstance(value, ray.ObjectRef) else value


_COLUMNS = ("doc_id", "source", "date", "url", "title", "record", "error", "skipped")


def _append(out: dict[str, list[Any]], **values: Any) -> None:
    values.setdefault("skipped", False)
    for key in _COLUMNS:
        out[key].append(values.get(key))


def _rows(batch: dict[str, Any], parquet: bool) -> list[tuple[Any, str, str]]:
    """(decoded object or an InvalidInput, origin, file name) per row of a batch."""
    from proxygraph.errors import InvalidInput

    paths = list(batch["path"]) if "path" in batch else None
    if parquet:
        columns = [k for k in batch if k != "path"]
        count = len(batch[columns[0]]) if columns else 0
        rows = [{k: _plain(batch[k][i]) for k in columns} for i in range(count)]
    else:
        rows = []
        for line in batch["text"]:
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                rows.append(InvalidInput("", f"invalid JSON ({exc.msg} at column {exc.colno})"))
            except RecursionError:
                rows.append(InvalidInput("", "invalid JSON (nested too deeply to read)"))
    out = []
    for i, obj in enumerate(rows):
        path = str(paths[i]) if paths is not None else "<ray>"
        out.append((obj, path, PurePath(path).name))
    return out


def _plain(value: Any) -> Any:
    """A numpy scalar or array from a batch as a plain Python value."""
    if hasattr(value, "tolist"):
        return value.tolist()
    return value


def _document(obj: Any, origin: str, name: str) -> Any:
    from proxygraph.errors import InvalidInput
    from proxygraph.ingest.jsondocs import _from_object

    if isinstance(obj, InvalidInput):
        return InvalidInput(origin, obj.reason)
    return _from_object(obj, origin, name)


def _is_parquet(paths: Sequence[str]) -> bool:
    def parquet(path: str) -> bool:
        if path.endswith(PARQUET_SUFFIXES):
            return True
        if os.path.isdir(path):
            names = [n for n in os.listdir(path) if not n.startswith((".", "_"))]
            return bool(names) and all(n.endswith(PARQUET_SUFFIXES) for n in names)
        return False

    return all(parquet(p) for p in paths)


def run(inputs: Sequence[str], output_dir: str, job: RayJob, *, fmt: str = "jsonl") -> RayResult:
    """Extract every document of `inputs` (JSONL or Parquet files or directories) on Ray
    and write the records under `output_dir` in `fmt` ("jsonl" or "parquet")."""
    ray = require_ray()
    if fmt not in ("jsonl", "parquet"):
        raise ValueError(f"unknown output format {fmt!r}")
    with _session(ray, job):
        return _run(ray, list(inputs), output_dir, job, fmt)


def iter_records(
    inputs: Sequence[str],
    job: RayJob,
    result: RayResult,
    *,
    stored: Any = None,
    on_error: Callable[[str], None] | None = None,
) -> Iterator[dict[str, Any]]:
    """Extract every document of `inputs` on Ray and yield its record, with its "text",
    to the driver as the actors produce it (in no particular order).

    stored (ndarray | None): sorted content hashes (stored.stored_hashes) of documents
        not to extract again; each one found is counted in result.skipped.
    on_error (Callable | None): called with each failed input's line as it comes;
        without it the lines are collected in result.errors.
    Ray starts (unless it is running) on the first record and stops when the iterator
    is exhausted or closed. Raises RayUnavailable at once when Ray is not installed.
    """
    ray = require_ray()
    return _stream(ray, list(inputs), job, result, stored, on_error or result.errors.append)


def _stream(
    ray: Any,
    inputs: list[str],
    job: RayJob,
    result: RayResult,
    stored: Any,
    on_error: Callable[[str], None],
) -> Iterator[dict[str, Any]]:
    with _session(ray, job):
        ref = ray.put(stored) if stored is not None and len(stored) else None
        for row in _dataset(ray, inputs, job, with_text=True, stored=ref).iter_rows():
            if row["error"]:
                on_error(str(row["error"]))
            elif row["skipped"]:
                result.skipped += 1
            else:
                result.written += 1
                yield json.loads(row["record"])


@contextmanager
def _session(ray: Any, job: RayJob) -> Iterator[None]:
    """Ray as found, or started for the job (local unless job.address) and then stopped."""
    if ray.is_initialized():
        yield
        return
    kwargs: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False}
    if job.address is None:
        # the actors each hold a CPU slot: leave one for the read and write tasks,
        # which would otherwise wait for ever on a machine with <= workers cores
        kwargs["num_cpus"] = max(os.cpu_count() or 1, job.workers + 1)
        if job.object_store_mb:
            kwargs["object_store_memory"] = job.object_store_mb * 1024 * 1024
    ray.init(address=job.address, **kwargs)
    try:
        yield
    finally:
        ray.shutdown()


def _dataset(ray: Any, inputs: list[str], job: RayJob, *, with_text: bool = False,
             stored: Any = None) -> Any:  # fmt: skip
    """The lazy dataset of extraction results (one row per input row, see ExtractUDF)."""
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    parquet = _is_parquet(inputs)
    if parquet:
        ds = ray.data.read_parquet(inputs, include_paths=True)
    else:
        ds = ray.data.read_text(inputs, include_paths=True)
    return ds.map_batches(
        ExtractUDF,
        fn_constructor_args=(dict(job.extractor), parquet, with_text, stored),
        batch_size=job.batch_size,
        batch_format="numpy",
        compute=ray.data.ActorPoolStrategy(size=job.workers),
    )


def _run(ray: Any, inputs: list[str], output_dir: str, job: RayJob, fmt: str) -> RayResult:
    ds = _dataset(ray, inputs, job).materialize()
    errors = [row["error"] for row in ds.filter(lambda row: bool(row["error"])).take_all()]
    good = ds.filter(lambda row: not row["error"]).drop_columns(["error", "skipped"])
    written = good.count()
    if fmt == "jsonl":
        good.write_datasink(_RecordLines(output_dir))
    else:
        good.write_parquet(output_dir)
    return RayResult(written=written, errors=errors)


def _record_lines_class() -> type:
    from ray.data.datasource.file_datasink import BlockBasedFileDatasink

    class RecordLines(BlockBasedFileDatasink):
        """Writes the "record" column, one JSON line each, one file per block."""

        def __init__(self, path: str) -> None:
            super().__init__(path, file_format="jsonl")

        def write_block_to_file(self, block: Any, file: Any) -> None:
            records = block.to_arrow().column("record").to_pylist()
            file.write("".join(r + "\n" for r in records).encode("utf-8"))

    return RecordLines


def _RecordLines(path: str) -> Any:  # noqa: N802  (builds the Ray class lazily)
    return _record_lines_class()(path)
