using System.Runtime.InteropServices;

namespace Sieve.Core.Events;

/// <summary>
/// Many events in columns (structure of arrays): per event its ids, weight, MET and the range of
/// its objects; per object its kind and (E, pT, eta, phi) in GeV. What fast readers produce and
/// layouts consume without building an object per event; <see cref="GetEvent"/> gives the usual
/// <see cref="Event"/> view when one is needed.
/// </summary>
public sealed class EventBatch
{
    private readonly List<string> ids = [];
    private readonly List<string> processIds = [];
    private readonly List<double> weights = [];
    private readonly List<double> met = [];
    private readonly List<double> metPhi = [];
    private readonly List<int> objectStart = [0];
    private readonly List<byte> kinds = [];
    private readonly List<double> e = [];
    private readonly List<double> pt = [];
    private readonly List<double> eta = [];
    private readonly List<double> phi = [];

    /// <summary>Number of events.</summary>
    public int EventCount => ids.Count;

    /// <summary>Number of objects over all events.</summary>
    public int ObjectCount => kinds.Count;

    /// <summary>Event ids.</summary>
    public IReadOnlyList<string> Ids => ids;

    /// <summary>Process ids.</summary>
    public IReadOnlyList<string> ProcessIds => processIds;

    /// <summary>Event weights.</summary>
    public ReadOnlySpan<double> Weights => CollectionsMarshal.AsSpan(weights);

    /// <summary>MET per event (GeV).</summary>
    public ReadOnlySpan<double> Met => CollectionsMarshal.AsSpan(met);

    /// <summary>METphi per event.</summary>
    public ReadOnlySpan<double> MetPhi => CollectionsMarshal.AsSpan(metPhi);

    /// <summary>Index of the first object of event i is ObjectStart[i]; its last is ObjectStart[i + 1] - 1.</summary>
    public ReadOnlySpan<int> ObjectStart => CollectionsMarshal.AsSpan(objectStart);

    /// <summary>Object kinds.</summary>
    public ReadOnlySpan<byte> Kinds => CollectionsMarshal.AsSpan(kinds);

    /// <summary>Object energies (GeV).</summary>
    public ReadOnlySpan<double> E => CollectionsMarshal.AsSpan(e);

    /// <summary>Object transverse momenta (GeV).</summary>
    public ReadOnlySpan<double> Pt => CollectionsMarshal.AsSpan(pt);

    /// <summary>Object pseudorapidities.</summary>
    public ReadOnlySpan<double> Eta => CollectionsMarshal.AsSpan(eta);

    /// <summary>Object azimuths.</summary>
    public ReadOnlySpan<double> Phi => CollectionsMarshal.AsSpan(phi);

    /// <summary>Starts a new event; its objects follow with <see cref="AddObject"/>.</summary>
    public void AddEvent(string id, string processId, double weight, double missingEt, double missingEtPhi)
    {
        ids.Add(id);
        processIds.Add(processId);
        weights.Add(weight);
        met.Add(missingEt);
        metPhi.Add(missingEtPhi);
        objectStart.Add(kinds.Count);
    }

    /// <summary>Adds an object to the last event.</summary>
    public void AddObject(ObjectKind kind, double energy, double transverseMomentum, double pseudorapidity, double azimuth)
    {
        kinds.Add((byte)kind);
        e.Add(energy);
        pt.Add(transverseMomentum);
        eta.Add(pseudorapidity);
        phi.Add(azimuth);
        objectStart[^1] = kinds.Count;
    }

    /// <summary>Adds a whole event.</summary>
    public void Add(Event ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        AddEvent(ev.Id, ev.ProcessId, ev.Weight, ev.Met, ev.MetPhi);
        foreach (PhysicsObject o in ev.Objects)
        {
            AddObject(o.Kind, o.E, o.Pt, o.Eta, o.Phi);
        }
    }

    /// <summary>Event <paramref name="i"/> as an <see cref="Event"/>.</summary>
    public Event GetEvent(int i)
    {
        int first = objectStart[i], end = objectStart[i + 1];
        var objects = new PhysicsObject[end - first];
        for (int k = first; k < end; k++)
        {
            objects[k - first] = new PhysicsObject((ObjectKind)kinds[k], e[k], pt[k], eta[k], phi[k]);
        }

        return new Event(ids[i], processIds[i], weights[i], met[i], metPhi[i], objects);
    }

    /// <summary>All events, in order.</summary>
    public IEnumerable<Event> Events()
    {
        for (int i = 0; i < EventCount; i++)
        {
            yield return GetEvent(i);
        }
    }

    /// <summary>
    /// The per-object layout as the network sees it: (N_objects, 4) float32 rows of (E, pT, eta, phi), row-major.
    /// </summary>
    public float[] ObjectRows()
    {
        var rows = new float[kinds.Count * 4];
        for (int k = 0; k < kinds.Count; k++)
        {
            rows[(k * 4) + 0] = (float)e[k];
            rows[(k * 4) + 1] = (float)pt[k];
            rows[(k * 4) + 2] = (float)eta[k];
            rows[(k * 4) + 3] = (float)phi[k];
        }

        return rows;
    }
}
