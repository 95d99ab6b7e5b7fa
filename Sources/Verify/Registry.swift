/// The published claims, in catalogue order: `verify list` shows them and `verify all` runs them.
///
/// Adding a claim is one file under `Claims/` and one line here.
public enum Registry {
  public static let catalogue = Catalogue([
    FrobeniusImbalance(),
    HamiltonianDissipation(),
  ])
}
