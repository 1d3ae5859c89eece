// Placeholder so the target builds; replaced by the proofs' real sources.
