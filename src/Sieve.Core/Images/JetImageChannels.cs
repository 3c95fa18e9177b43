namespace Sieve.Core.Images;

/// <summary>How constituents are split into image channels.</summary>
public enum JetImageChannels
{
    /// <summary>One channel with every constituent's pT (the only choice for inputs without PDG ids, e.g. FastJet text).</summary>
    One,

    /// <summary>Three channels by particle type (<see cref="ParticleTypes.Channel"/>): charged, photons+electrons, neutral hadrons.</summary>
    ByType,
}
