namespace Sieve.IO.Root;

/// <summary>
/// One entry of a ROOT directory (a TKey): an object's name, class and where its bytes are.
/// </summary>
/// <param name="Name">Object name.</param>
/// <param name="Title">Object title.</param>
/// <param name="ClassName">C++ class, e.g. TTree, TDirectory, ROOT::RNTuple.</param>
/// <param name="Cycle">Cycle number; a name may appear with several cycles, the highest being the newest.</param>
/// <param name="Path">Path from the top directory, '/'-separated.</param>
/// <param name="SeekKey">File offset of the key header.</param>
/// <param name="KeyLength">Length of the key header.</param>
/// <param name="TotalBytes">Key header plus stored object bytes.</param>
/// <param name="ObjectLength">Uncompressed object bytes.</param>
public sealed record RootKey(string Name, string Title, string ClassName, int Cycle, string Path,
    long SeekKey, int KeyLength, int TotalBytes, int ObjectLength)
{
    /// <summary>Whether the object's bytes are compressed (stored bytes differ from the object length).</summary>
    public bool IsCompressed => TotalBytes - KeyLength != ObjectLength;

    /// <summary>Whether the object is a TTree (or a subclass that keeps the TTree layout, e.g. TNtuple).</summary>
    public bool IsTree => ClassName is "TTree" or "TNtuple" or "TNtupleD";

    /// <summary>Whether the object is an RNTuple (ROOT's columnar format), which this reader does not decode.</summary>
    public bool IsRNTuple => ClassName is "ROOT::RNTuple" or "ROOT::Experimental::RNTuple";

    /// <summary>Whether the object is a subdirectory.</summary>
    public bool IsDirectory => ClassName is "TDirectory" or "TDirectoryFile";
}
