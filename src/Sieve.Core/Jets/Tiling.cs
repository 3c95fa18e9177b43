namespace Sieve.Core.Jets;

/// <summary>
/// Tiles of the (rapidity, phi) plane at least R wide, so that two pseudojets closer than R are
/// always in the same or adjacent tiles (phi wraps round; rapidity does not). Nearest-neighbour
/// searches then look at 3 x 3 tiles instead of every pseudojet (FastJet's N2Tiled idea).
/// </summary>
/// <remarks>
/// The rapidity range is that of the inputs, capped at +-<see cref="RapidityCap"/>; anything
/// beyond the range (a particle along the beam, a merged pseudojet that moved) goes into the edge
/// tile, which stays correct: a pseudojet within R of it is then in that tile or the next.
/// At most <see cref="MaxTilesPerAxis"/> tiles per axis: bigger tiles only cost speed, never
/// correctness.
/// </remarks>
internal sealed class Tiling
{
    private const double RapidityCap = 20;
    private const int MaxTilesPerAxis = 200;

    private readonly int rapTiles;
    private readonly int phiTiles;
    private readonly double rapMin;
    private readonly double rapWidth;
    private readonly double phiWidth;
    private readonly List<int>[] members;
    private readonly int[][] neighbourhood;
    private readonly int[] tileOf;
    private readonly int[] positionInTile;
    private readonly int[] stamp;
    private int stampValue;

    public Tiling(double minRapidity, double maxRapidity, double radius, int capacity)
    {
        rapMin = Math.Max(minRapidity, -RapidityCap);
        double rapMax = Math.Min(maxRapidity, RapidityCap);
        double range = rapMax - rapMin;
        rapTiles = range > radius ? Math.Min(MaxTilesPerAxis, (int)(range / radius)) : 1;
        rapWidth = range > 0 ? range / rapTiles : 1;
        phiTiles = Math.Clamp((int)(2 * Math.PI / radius), 1, MaxTilesPerAxis);
        phiWidth = 2 * Math.PI / phiTiles;
        int count = rapTiles * phiTiles;
        members = new List<int>[count];
        neighbourhood = new int[count][];
        Span<int> near = stackalloc int[9];
        for (int t = 0; t < count; t++)
        {
            members[t] = [];
            int r = t / phiTiles;
            int p = t % phiTiles;
            int found = 0;
            for (int dr = -1; dr <= 1; dr++)
            {
                if (r + dr < 0 || r + dr >= rapTiles)
                {
                    continue;
                }

                for (int dp = -1; dp <= 1; dp++)
                {
                    // With fewer than three phi tiles the wrap reaches the same tile twice: count it once.
                    int tile = ((r + dr) * phiTiles) + ((((p + dp) % phiTiles) + phiTiles) % phiTiles);
                    if (!near[..found].Contains(tile))
                    {
                        near[found++] = tile;
                    }
                }
            }

            neighbourhood[t] = near[..found].ToArray();
        }

        tileOf = new int[capacity];
        positionInTile = new int[capacity];
        stamp = new int[count];
    }

    /// <summary>Puts a slot into the tile of its (rapidity, phi in [0, 2 pi)).</summary>
    public void Add(int slot, double rapidity, double phi)
    {
        int r = (int)Math.Floor((rapidity - rapMin) / rapWidth);
        r = Math.Clamp(r, 0, rapTiles - 1);
        int p = Math.Min((int)(phi / phiWidth), phiTiles - 1);
        int t = (r * phiTiles) + p;
        tileOf[slot] = t;
        positionInTile[slot] = members[t].Count;
        members[t].Add(slot);
    }

    /// <summary>Takes a slot out of its tile.</summary>
    public void Remove(int slot)
    {
        List<int> list = members[tileOf[slot]];
        int at = positionInTile[slot];
        int last = list[^1];
        list[at] = last;
        positionInTile[last] = at;
        list.RemoveAt(list.Count - 1);
    }

    /// <summary>The tile a slot is (or was last) in.</summary>
    public int TileOf(int slot) => tileOf[slot];

    /// <summary>The tiles a pseudojet in tile <paramref name="tile"/> can have neighbours within R in.</summary>
    public int[] Neighbourhood(int tile) => neighbourhood[tile];

    /// <summary>The slots in a tile.</summary>
    public List<int> Members(int tile) => members[tile];

    /// <summary>Starts a new round of <see cref="Visit"/>: every tile counts as unvisited again.</summary>
    public void NewRound() => stampValue++;

    /// <summary>True the first time a tile is visited in this round.</summary>
    public bool Visit(int tile)
    {
        if (stamp[tile] == stampValue)
        {
            return false;
        }

        stamp[tile] = stampValue;
        return true;
    }
}
