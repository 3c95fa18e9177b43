namespace Sieve.Pipeline.Cluster;

/// <summary>The `sieve` verbs that run as a job array, one shard of the inputs per task.</summary>
public enum ClusterVerb
{
    /// <summary>`sieve compress --method quantize|float16`: one version 5 archive per input, concatenated by collect.</summary>
    Compress,

    /// <summary>`sieve score`: one scores CSV per input, joined in input order by collect.</summary>
    Score,

    /// <summary>`sieve train`, one training per point of a scan (`sieve scan`): one model directory per task, summarised by collect.</summary>
    Train,
}
