"""OCR benchmark (part of `make bench`): faxed dev packets read by our reader, the earlier one and bare Tesseract.

Side by side in one run, on simulated fine-mode (204 x 196 dpi) and standard-mode (204 x 98 dpi) faxes:

- seconds per page on one core: ours; the reader before (each page rendered at 300 dpi, median filter and a
  rotate-and-score deskew, the `tesseract` program through pytesseract, page segmentation mode 4); and bare
  `tesseract` on the very images our reader hands to Tesseract (our overhead). Methods alternate page by page
  (the machine is shared: timings are compared within a run), `repeat` rounds, medians;
- character error rate of each against the packet's source text (fax transmission lines left out);
- one 15-page fax read with 1 and with 2 OCR threads (wall clock, medians);
- with `corpus=True`, every dev packet screened as a fine and as a standard fax against its text version:
  packets reaching the same decisions, CER, and fact recall (the text version's documented facts that the fax
  version finds with the same status and value).

`python -m pipeline.bench_ocr [--sweep]`: --sweep also compares the settings the reader's choices rest on
(page segmentation mode, resampling, median filter, resolution, model) on the first packets.
Benchmarks print; tests never assert on time.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .contracts import FactStatus, ScreeningResult
from .corpus.annotations import AnnotatedPacket as Packet
from .corpus.annotations import load_corpus
from .corpus.cer import character_error_rate
from .corpus.evaluation import render_fax
from .corpus.fax import FINE, STANDARD, FaxSettings
from .ingest import IngestLimits, load_document
from .ingest import ocr as ocr_module
from .ingest.transmission import match_line

MODES: dict[str, FaxSettings] = {"fine": FINE, "standard": STANDARD}
LEGACY_DPI = 300
LEGACY_CONFIG = "--oem 1 --psm 4"


def _strip(text: str) -> str:
    """Text without fax transmission lines and page breaks (a received fax adds a header to every page)."""
    return "\n".join(line for line in text.replace("\f", "\n").splitlines() if match_line(line) is None)


def _cer(packet: Packet, text: str) -> float:
    return character_error_rate(_strip(packet.text_path.read_text(encoding="utf-8")), _strip(text))


def _pages(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


# ------------------------------------------------------------------------------------------- the readers


def ours(path: Path, threads: int = 1) -> tuple[str, float]:
    """Our reader (load_document in this process); its text and the wall-clock seconds."""
    t0 = time.perf_counter()
    doc = load_document(path, limits=IngestLimits(ocr_threads=threads))
    return doc.text, time.perf_counter() - t0


def legacy_clean(image: Any) -> Any:
    """The earlier clean-up: 3x3 median, then a deskew that rotates the thumbnail once per candidate angle."""
    import numpy as np
    from PIL import Image, ImageFilter

    image = image.filter(ImageFilter.MedianFilter(3))
    small = image.copy()
    small.thumbnail((900, 900))
    ink = Image.fromarray(np.where(np.asarray(small) < 160, 255, 0).astype("uint8"))

    def score(angle: float) -> float:
        rows = np.asarray(ink.rotate(angle, resample=Image.Resampling.NEAREST, expand=False, fillcolor=0)).sum(axis=1)
        return float(np.var(rows))

    best = max((a / 2 for a in range(-10, 11)), key=score)
    angle = max([best + d / 10 for d in range(-5, 6)], key=score)
    if abs(angle) >= 0.1:
        image = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    return image


def legacy(path: Path) -> tuple[str, float]:
    """The earlier reader: render at 300 dpi, clean, run the tesseract program (pytesseract) on each page."""
    import pypdfium2 as pdfium
    import pytesseract

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    t0 = time.perf_counter()
    pdf = pdfium.PdfDocument(str(path))
    texts = []
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            image = page.render(scale=LEGACY_DPI / 72, grayscale=True).to_pil().convert("L")
            page.close()
            data = pytesseract.image_to_data(legacy_clean(image), lang="eng", config=LEGACY_CONFIG,
                                             output_type=pytesseract.Output.DICT)
            texts.append(_lines(data))
    finally:
        pdf.close()
    return "\n\f\n".join(texts), time.perf_counter() - t0


def _lines(data: dict[str, list[Any]]) -> str:
    lines: dict[tuple[int, int, int], list[str]] = {}
    for i, word in enumerate(data["text"]):
        if (word or "").strip() and float(data["conf"][i]) >= 0:
            lines.setdefault((data["block_num"][i], data["par_num"][i], data["line_num"][i]), []).append(word)
    return "\n".join(" ".join(words) for words in lines.values())


def tesseract_inputs(path: Path, folder: Path) -> list[tuple[Path, int]]:
    """The images our reader gives Tesseract for each page of `path` (square pixels), as PNG files, with dpi."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    out = []
    try:
        for i in range(len(pdf)):
            page = ocr_module.page_image(pdf, i, dpi=300, max_pixels=40_000_000, name=path.name)
            image, dpi = ocr_module.square_pixels(page)
            target = folder / f"{path.stem}-{i + 1}.png"
            image.save(target)
            out.append((target, round(dpi)))
    finally:
        pdf.close()
    return out


def bare(images: list[tuple[Path, int]], psm: int = ocr_module.PAGE_SEGMENTATION) -> tuple[str, float]:
    """The `tesseract` program alone on each image (single-threaded, as ours); text and seconds."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    texts, seconds = [], 0.0
    for image, dpi in images:
        t0 = time.perf_counter()
        result = subprocess.run(["tesseract", str(image), "-", "--oem", "1", "--psm", str(psm), "--dpi", str(dpi)],
                                capture_output=True, text=True, env=env, check=True)
        seconds += time.perf_counter() - t0
        texts.append(result.stdout)
    return "\n".join(texts), seconds


# ------------------------------------------------------------------------------------------------ parts


def run_throughput(packets: list[Packet], *, repeat: int, folder: Path) -> dict[str, Any]:
    """s/page and CER of ours, the earlier reader and bare tesseract on fine and standard faxes (one core)."""
    figures: dict[str, Any] = {}
    for mode, settings in MODES.items():
        (folder / mode).mkdir(parents=True, exist_ok=True)
        faxes = [render_fax(p.text_path, folder / mode, seed=i, settings=settings) for i, p in enumerate(packets)]
        images = [tesseract_inputs(f, folder / mode) for f in faxes]
        pages = sum(len(i) for i in images)
        ours(faxes[0])  # warm-up: first-call costs (imports, the engine's model) are not throughput
        runs: dict[str, list[float]] = {"ours": [], "before": [], "bare": []}
        texts: dict[str, list[str]] = {"ours": [], "before": [], "bare": []}
        for round_ in range(repeat):
            totals = dict.fromkeys(runs, 0.0)
            for fax, image_files in zip(faxes, images, strict=True):
                for name, read in (("ours", lambda f=fax: ours(f)), ("before", lambda f=fax: legacy(f)),
                                   ("bare", lambda i=image_files: bare(i))):
                    text, seconds = read()
                    totals[name] += seconds
                    if round_ == 0:
                        texts[name].append(text)
            for name, total in totals.items():
                runs[name].append(total / pages)
        medians = {name: statistics.median(values) for name, values in runs.items()}
        cers = {name: [_cer(p, t) for p, t in zip(packets, texts[name], strict=True)] for name in texts}
        figures[mode] = {
            "pages": pages,
            "seconds_per_page": {name: round(v, 3) for name, v in medians.items()},
            "speedup_over_before": round(medians["before"] / medians["ours"], 2),
            "overhead_over_bare": round(medians["ours"] / medians["bare"] - 1, 3),
            "cer_mean": {name: round(statistics.mean(v), 4) for name, v in cers.items()},
            "cer_worst": {name: round(max(v), 4) for name, v in cers.items()},
        }
    return figures


def run_parallel(packets: list[Packet], *, pages: int, repeat: int, folder: Path) -> dict[str, Any]:
    """One fax of `pages` pages (dev packets' pages in turn, fine mode) read with 1 and 2 OCR threads."""
    chunks: list[str] = []
    for packet in packets:
        chunks.extend(packet.text_path.read_text(encoding="utf-8").split("\f"))
        if len(chunks) >= pages:
            break
    source = folder / "long-fax.txt"
    source.write_text("\f".join(chunks[:pages]), encoding="utf-8")
    fax = render_fax(source, folder, seed=1, settings=FINE)
    times: dict[int, list[float]] = {1: [], 2: []}
    texts: dict[int, str] = {}
    ours(fax, 2)  # warm-up: the engines of both threads
    load_before = os.getloadavg()[0]
    for round_ in range(repeat):
        for threads in ((1, 2) if round_ % 2 == 0 else (2, 1)):
            texts[threads], seconds = ours(fax, threads)
            times[threads].append(seconds)
    one, two = statistics.median(times[1]), statistics.median(times[2])
    return {"pages": _pages(fax), "seconds_1_core": round(one, 2), "seconds_2_cores": round(two, 2),
            "speedup": round(one / two, 2), "identical_text": texts[1] == texts[2],
            "usable_cores": ocr_module.usable_cores(),
            "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)]}


def fact_recall(text_record: ScreeningResult, fax_record: ScreeningResult) -> tuple[int, int]:
    """(found, documented): the text version's facts other than not_documented, and how many of them the fax
    version has with the same status and value."""
    fax_facts = {f.name: f for f in fax_record.facts}
    documented = [f for f in text_record.facts if f.status is not FactStatus.NOT_DOCUMENTED]
    found = sum(1 for f in documented
                if f.name in fax_facts and (fax_facts[f.name].status, fax_facts[f.name].value) == (f.status, f.value))
    return found, len(documented)


def run_corpus(packets: list[Packet], policy_dir: Path, *, folder: Path) -> dict[str, Any]:
    """Every packet as a fine and a standard fax against its text version: decisions, CER, fact recall."""
    from .screen import Screener

    screener = Screener(policy_dir=policy_dir)
    text_records = list(screener.screen(p.text_path for p in packets))
    figures: dict[str, Any] = {}
    for mode, settings in MODES.items():
        (folder / f"corpus-{mode}").mkdir(parents=True, exist_ok=True)
        faxes = [render_fax(p.text_path, folder / f"corpus-{mode}", seed=i, settings=settings)
                 for i, p in enumerate(packets)]
        t0 = time.perf_counter()
        docs = [load_document(f) for f in faxes]  # pages in parallel on every usable core
        records = [screener.screen_document(d) for d in docs]
        wall = time.perf_counter() - t0
        same, found, documented, cers, confidences, blank = 0, 0, 0, [], [], 0
        differing: list[str] = []
        for packet, text_record, record, doc in zip(packets, text_records, records, docs, strict=True):
            if not isinstance(text_record, ScreeningResult):
                continue
            decisions = [(d.payer, d.decision, d.outcome) for d in record.determinations]
            agrees = decisions == [(d.payer, d.decision, d.outcome) for d in text_record.determinations]
            same += agrees
            differing += [] if agrees else [packet.id]
            f, d = fact_recall(text_record, record)
            found, documented = found + f, documented + d
            cers.append(_cer(packet, doc.text))
            confidences += [p.ocr_confidence for p in record.document.pages if p.ocr_confidence is not None]
            blank += sum(1 for p in record.document.pages if p.source.value == "blank")
        figures[mode] = {
            "packets": len(packets), "same_decisions": same, "same_decisions_share": round(same / len(packets), 3),
            "fact_recall": round(found / max(documented, 1), 4), "facts_documented": documented,
            "cer_mean": round(statistics.mean(cers), 4), "cer_worst": round(max(cers), 4),
            "confidence_mean": round(statistics.mean(confidences), 1), "confidence_min": round(min(confidences), 1),
            "blank_pages": blank, "wall_seconds": round(wall, 1), "differing": differing,
        }
    return figures


def run(corpus: Path, policy_dir: Path, *, packets: int = 8, repeat: int = 3, long_pages: int = 15,
        corpus_check: bool = True) -> dict[str, Any]:
    if not ocr_module.ocr_available():
        print("OCR benchmark: skipped (tesserocr or Tesseract's English model is not installed)")
        return {}
    dev = load_corpus(corpus, splits=["dev"])
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="prescreen-bench-ocr-") as tmp:
        folder = Path(tmp)
        figures["one_core"] = run_throughput(dev[:packets], repeat=repeat, folder=folder)
        _print_throughput(figures["one_core"], packets, repeat)
        figures["parallel"] = run_parallel(dev, pages=long_pages, repeat=repeat, folder=folder)
        p = figures["parallel"]
        print(f"  one {p['pages']}-page fax (fine): 1 core {p['seconds_1_core']:.2f} s, 2 cores "
              f"{p['seconds_2_cores']:.2f} s -> {p['speedup']:.2f}x (identical text: {p['identical_text']}; "
              f"{p['usable_cores']} usable cores; load average {p['load_average'][0]} before, "
              f"{p['load_average'][1]} after: other work on the cores lowers the speed-up)")
        if corpus_check:
            figures["corpus"] = run_corpus(dev, policy_dir, folder=folder)
            _print_corpus(figures["corpus"])
    return figures


def _print_throughput(figures: dict[str, Any], packets: int, repeat: int) -> None:
    print(f"OCR of simulated faxes ({packets} dev packets, medians of {repeat} rounds, one core; "
          "s/page and CER against the source text):")
    print(f"  {'mode':9} {'pages':>5}  {'ours':>13}  {'before':>13}  {'bare tesseract':>15}  speed-up  overhead")
    for mode, f in figures.items():
        s, c = f["seconds_per_page"], f["cer_mean"]
        print(f"  {mode:9} {f['pages']:5}  {s['ours']:5.2f} s {100 * c['ours']:4.2f}%  {s['before']:5.2f} s "
              f"{100 * c['before']:4.2f}%  {s['bare']:6.2f} s {100 * c['bare']:5.2f}%  {f['speedup_over_before']:7.2f}x"
              f"  {100 * f['overhead_over_bare']:+6.1f}%")


def _print_corpus(figures: dict[str, Any]) -> None:
    print("dev packets as faxes against their text version:")
    for mode, f in figures.items():
        print(f"  {mode:9} same decisions {f['same_decisions']}/{f['packets']}; fact recall "
              f"{100 * f['fact_recall']:.1f}% of {f['facts_documented']}; CER mean {100 * f['cer_mean']:.2f}%, "
              f"worst {100 * f['cer_worst']:.2f}%; confidence mean {f['confidence_mean']}, min "
              f"{f['confidence_min']}; blank pages {f['blank_pages']}; {f['wall_seconds']} s")
        if f["differing"]:
            print(f"            differing: {', '.join(f['differing'])}")


# ------------------------------------------------------------------------------------------------ sweep


def sweep(packets: list[Packet], folder: Path) -> list[dict[str, Any]]:
    """CER and recognition s/page of settings variants on the embedded fax images (the measured choices)."""
    import pypdfium2 as pdfium
    import tesserocr
    from PIL import Image, ImageFilter

    def variant(resample: Any, median: bool, dpi: float | str = "chosen") -> Callable[[Any], tuple[Any, float]]:
        """Square pixels with `resample` at `dpi` ("chosen": ocr.read_resolution; "own": the image's finer axis),
        then the clean-up."""
        def prepare(page: Any) -> tuple[Any, float]:
            if dpi == "chosen":
                target = ocr_module.read_resolution(page.dpi_x, page.dpi_y)
            else:
                target = max(page.dpi_x, page.dpi_y) if dpi == "own" else float(dpi)
            size = (round(page.image.width * target / page.dpi_x), round(page.image.height * target / page.dpi_y))
            image = page.image.resize(size, resample) if size != page.image.size else page.image
            if median:
                image = image.filter(ImageFilter.MedianFilter(3))
            angle = ocr_module.estimate_skew(image)
            return image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255), target
        return prepare

    bilinear = Image.Resampling.BILINEAR
    variants: dict[str, tuple[Callable[[Any], tuple[Any, float]], int]] = {
        "chosen: bilinear, read_resolution, median, psm 6": (variant(bilinear, True), 6),
        "psm 4": (variant(bilinear, True), 4),
        "nearest (rows repeated)": (variant(Image.Resampling.NEAREST, True), 6),
        "no median filter": (variant(bilinear, False), 6),
        "at the fax's own resolution (204 dpi)": (variant(bilinear, True, "own"), 6),
        "enlarged to 250 dpi": (variant(bilinear, True, 250), 6),
        "enlarged to 300 dpi": (variant(bilinear, True, 300), 6),
    }
    folder_ = ocr_module.tessdata_dir() or ""
    results = []
    for mode, settings in MODES.items():
        (folder / f"sweep-{mode}").mkdir(parents=True, exist_ok=True)
        faxes = [render_fax(p.text_path, folder / f"sweep-{mode}", seed=i, settings=settings)
                 for i, p in enumerate(packets)]
        for name, (prepare, psm) in variants.items():
            api = tesserocr.PyTessBaseAPI(path=folder_ + os.sep, lang="eng", psm=psm, oem=tesserocr.OEM.LSTM_ONLY)
            seconds, pages, cers = 0.0, 0, []
            for packet, fax in zip(packets, faxes, strict=True):
                pdf = pdfium.PdfDocument(str(fax))
                texts = []
                for i in range(len(pdf)):
                    image, dpi = prepare(ocr_module.page_image(pdf, i, dpi=300, max_pixels=40_000_000, name="x"))
                    t0 = time.perf_counter()
                    api.SetImage(image)
                    api.SetSourceResolution(round(dpi))
                    texts.append(api.GetUTF8Text())
                    seconds += time.perf_counter() - t0
                    pages += 1
                pdf.close()
                cers.append(_cer(packet, "\n".join(texts)))
            api.End()
            row: dict[str, Any] = {"mode": mode, "variant": name, "pages": pages, "recognition_s_per_page": round(seconds / pages, 3),
                   "cer_mean": round(statistics.mean(cers), 4), "cer_worst": round(max(cers), 4)}
            results.append(row)
            print(f"  {mode:9} {name:48} {row['recognition_s_per_page']:.2f} s/page  CER mean "
                  f"{100 * row['cer_mean']:.2f}%  worst {100 * row['cer_worst']:.2f}%", flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("annotations/packets"))
    parser.add_argument("--policies", type=Path, default=Path("policies"))
    parser.add_argument("--packets", type=int, default=8, help="Dev packets for the s/page comparison.")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-corpus", action="store_true", help="Skip screening every dev packet as faxes.")
    parser.add_argument("--sweep", type=int, default=0, help="Also compare settings on this many dev packets.")
    parser.add_argument("--out", type=Path, default=Path("out/bench-ocr.json"))
    args = parser.parse_args()
    figures = run(args.corpus, args.policies, packets=args.packets, repeat=args.repeat,
                  corpus_check=not args.no_corpus)
    if args.sweep:
        print("settings compared (recognition time only, Tesseract's API, one core):")
        with tempfile.TemporaryDirectory(prefix="prescreen-bench-ocr-") as tmp:
            figures["sweep"] = sweep(load_corpus(args.corpus, splits=["dev"])[:args.sweep], Path(tmp))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(f"figures written to {args.out}")


if __name__ == "__main__":
    main()
