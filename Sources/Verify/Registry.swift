/// The published claims, in catalogue order: `verify list` shows them and `verify all` runs them.
///
/// Adding a claim is one folder `Claims/<Paper>/` (see ``Claim``) and one line here.
public enum Registry {
  public static let catalogue = Catalogue([
    FrobeniusImbalance(),
    HamiltonianDissipation(),
    EMAScaling(),
    ChowRule(),
    CopyAverage(),
    MuonCounterexample(),
    MixtureConditioning(),
    LatentGeneratorMatching(),
    TransformerDepthLimit(),
    DriftingConservative(),
  ])
}
