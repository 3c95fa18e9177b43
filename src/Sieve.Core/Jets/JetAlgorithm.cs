namespace Sieve.Core.Jets;

/// <summary>
/// The generalised-kt family of sequential recombination algorithms: pairs are merged by the
/// distance d_ij = min(kT_i^2p, kT_j^2p) dR_ij^2 / R^2 against the beam distance d_iB = kT_i^2p,
/// with p = -1 (anti-kt), 0 (Cambridge/Aachen) or 1 (kt).
/// </summary>
public enum JetAlgorithm
{
    /// <summary>Anti-kt, p = -1: hard particles collect the soft ones around them; cone-like jets of radius R. The LHC default.</summary>
    AntiKt = -1,

    /// <summary>Cambridge/Aachen, p = 0: purely geometric, nearest pairs first; used for substructure.</summary>
    CambridgeAachen = 0,

    /// <summary>kt, p = 1: soft pairs first; irregular jet shapes, used for backgrounds and substructure.</summary>
    Kt = 1,
}
