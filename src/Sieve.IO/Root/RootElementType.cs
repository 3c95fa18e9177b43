namespace Sieve.IO.Root;

/// <summary>Numeric element types of TTree leaves. ROOT stores them big-endian; all are read as double.</summary>
public enum RootElementType
{
    /// <summary>Bool_t (TLeafO), one byte.</summary>
    Bool,

    /// <summary>Char_t (TLeafB).</summary>
    Int8,

    /// <summary>UChar_t (TLeafB, unsigned).</summary>
    UInt8,

    /// <summary>Short_t (TLeafS).</summary>
    Int16,

    /// <summary>UShort_t (TLeafS, unsigned).</summary>
    UInt16,

    /// <summary>Int_t (TLeafI).</summary>
    Int32,

    /// <summary>UInt_t (TLeafI, unsigned).</summary>
    UInt32,

    /// <summary>Long64_t (TLeafL, TLeafG); beyond 2^53 in magnitude the double loses precision.</summary>
    Int64,

    /// <summary>ULong64_t (TLeafL, TLeafG, unsigned); beyond 2^53 the double loses precision.</summary>
    UInt64,

    /// <summary>Float_t (TLeafF).</summary>
    Float32,

    /// <summary>Double_t (TLeafD).</summary>
    Float64,
}
