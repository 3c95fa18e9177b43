namespace Sieve.Compression.Coding.Internal;

/// <summary>What <see cref="EntropyCoder"/> needs of a model: code one symbol, decode one symbol.</summary>
internal interface ISymbolModel
{
    void Encode(RangeEncoder encoder, int symbol);

    int Decode(ref RangeDecoder decoder);
}
