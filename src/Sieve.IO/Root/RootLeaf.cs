namespace Sieve.IO.Root;

/// <summary>
/// One readable leaf of a branch. A branch usually has one leaf of the same name; a leaf-list
/// branch (<c>"x/I:y/F"</c>) has several, read as columns named <c>branch.leaf</c>.
/// </summary>
public sealed class RootLeaf
{
    internal RootLeaf(string column, string name, string title, string className, RootElementType? elementType,
        RootLeafShape shape, int length, string? countLeaf, string? unsupportedReason)
    {
        Column = column;
        Name = name;
        Title = title;
        ClassName = className;
        ElementType = elementType;
        Shape = shape;
        Length = length;
        CountLeaf = countLeaf;
        UnsupportedReason = unsupportedReason;
    }

    /// <summary>The column name: the branch name, or <c>branch.leaf</c> in a leaf-list branch.</summary>
    public string Column { get; }

    /// <summary>The leaf's own name.</summary>
    public string Name { get; }

    /// <summary>The leaf's title (ROOT's type description, e.g. <c>Muon_pt[nMuon]/F</c>).</summary>
    public string Title { get; }

    /// <summary>The leaf class (TLeafF, TLeafI, TLeafElement, ...).</summary>
    public string ClassName { get; }

    /// <summary>The numeric element type; null for leaves that are not plain numbers (strings, objects).</summary>
    public RootElementType? ElementType { get; }

    /// <summary>Scalar, fixed-size array or jagged array.</summary>
    public RootLeafShape Shape { get; }

    /// <summary>Values per entry for fixed arrays; values per counted item for jagged ones; 1 for scalars.</summary>
    public int Length { get; }

    /// <summary>The counter leaf of a jagged leaf (e.g. nMuon), else null.</summary>
    public string? CountLeaf { get; }

    /// <summary>Why the reader cannot decode this leaf, or null when it can.</summary>
    public string? UnsupportedReason { get; }

    /// <summary>Whether the reader decodes this leaf.</summary>
    public bool IsSupported => UnsupportedReason is null;

    /// <summary>A short type description, e.g. "float", "int32[3]", "float[nMuon]", "string (TLeafC)".</summary>
    public string TypeDescription
    {
        get
        {
            if (ElementType is not { } type)
            {
                return ClassName;
            }

            string name = type.ToString().ToLowerInvariant() switch
            {
                "float32" => "float",
                "float64" => "double",
                var other => other,
            };
            return Shape switch
            {
                RootLeafShape.FixedArray => $"{name}[{Length}]",
                RootLeafShape.Jagged => Length == 1 ? $"{name}[{CountLeaf}]" : $"{name}[{CountLeaf}][{Length}]",
                _ => name,
            };
        }
    }
}
