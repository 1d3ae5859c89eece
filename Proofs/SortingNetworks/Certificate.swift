@_exported import ProofSupport

// The certificate, the evidence log (`ProofLog`), `ProofScale` and `ProofProgress` are shared by
// every method's proofs and live in Proofs/Support.
