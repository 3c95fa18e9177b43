namespace Sieve.Compression.Coding.Internal;

/// <summary>Zigzag mapping 0, -1, 1, -2, ... to 0, 1, 2, 3, ... over the whole int range.</summary>
internal static class ZigZag
{
    public static uint Encode(int value) => (uint)((value << 1) ^ (value >> 31));

    public static int Decode(uint value) => (int)(value >> 1) ^ -(int)(value & 1);
}
