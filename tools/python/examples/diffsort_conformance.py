"""Example user function for relaxations_conformance.py: the authors' diffsort as "your"
implementation of the `sort` method (float64, CPU; gradients by torch autograd).

    relax fixtures template --method sort --out conformance/
    python tools/python/relaxations_conformance.py fill conformance/sort-template.json \
        conformance/sort-diffsort.json --path tools/python/examples \
        --function diffsort_conformance:sort --package diffsort
    relax check conformance/sort-diffsort.json

diffsort builds only the authors' wiring, so the template must keep construction "authors".
"""

import numpy as np
import torch

import diffsort


def sort(method, params, inputs):
    assert method == "sort", f"this example implements 'sort' only, not {method}"
    if params.get("construction", "authors") != "authors":
        raise ValueError("diffsort has only the authors' wiring (construction 'authors')")
    x = torch.tensor(inputs["x"], dtype=torch.float64, requires_grad=True)
    layers = diffsort.get_sorting_network(params["network"], x.shape[1], "cpu")
    y, p = diffsort.sort(layers, x, steepness=float(params.get("steepness", 10.0)),
                         art_lambda=float(params.get("art_lambda", 0.25)),
                         distribution=params.get("distribution", "cauchy"))
    out = {"y": y.detach().numpy(), "p": p.detach().numpy()}
    objective = torch.zeros((), dtype=torch.float64)
    if "cotangent_y" in inputs:
        objective = objective + (torch.tensor(inputs["cotangent_y"]) * y).sum()
    if "cotangent_p" in inputs:
        objective = objective + (torch.tensor(inputs["cotangent_p"]) * p).sum()
    if objective.requires_grad:
        (grad,) = torch.autograd.grad(objective, x)
        out["grad_x"] = grad.numpy()
    return out
