using System.Runtime.CompilerServices;

// The number parser's fast path is internal; its tests compare it with double.Parse directly.
[assembly: InternalsVisibleTo("Sieve.Core.Tests")]
