namespace Sieve.Core.Tables;

/// <summary>File formats that Sieve reads into feature tables.</summary>
public enum InputFormat
{
    /// <summary>Generic numeric CSV with a header; one row per object or per event.</summary>
    Csv,

    /// <summary>DarkMachines challenge CSV: one event per line, objects flattened to one row each.</summary>
    DarkMachines,

    /// <summary>Les Houches Event file (.lhe, .lhe.gz): generator-level final-state particles.</summary>
    Lhe,

    /// <summary>HepMC3 ASCII (.hepmc3, .hepmc, .gz): generator-level final-state particles.</summary>
    HepMC3,

    /// <summary>FastJet example text (px py pz E per line, #END between events).</summary>
    FastJet,

    /// <summary>NumPy .npy (2-D array) or .npz (first array, or the one named in the file name after '#').</summary>
    Npy,

    /// <summary>HDF5 table written by Sieve or h5py: /features with a feature_names attribute, /side_channels/*.</summary>
    Hdf5,

    /// <summary>Apache Parquet table.</summary>
    Parquet,

    /// <summary>ROOT file: a TTree (the first, or the one named after '#') as a table of its scalar numeric branches.</summary>
    Root,

    /// <summary>
    /// A ROOT TTree's collections read as events (NanoAOD <c>Jet_pt[nJet]</c>, <c>Muon_*</c>, <c>Electron_*</c>,
    /// <c>Photon_*</c>, <c>MET_*</c>, or split objects <c>Muon.pt</c>): chosen with <c>--format rootevents</c>
    /// or a slot layout on a ROOT file.
    /// </summary>
    RootEvents,
}
