using System.Globalization;
using System.Text;
using Sieve.IO.Numpy;

namespace Sieve.IO.Internal;

/// <summary>
/// A parser for the few Python literals a .npy header holds: a dict with string keys whose values
/// are strings, True/False/None, integers, and tuples or lists of these. Strings become
/// <see cref="string"/>, booleans <see cref="bool"/>, integers <see cref="long"/>, tuples and lists
/// <see cref="List{T}"/>; a nested dict is parsed but only reported as unsupported by callers.
/// </summary>
internal sealed class PythonLiteral
{
    private const int MaxDepth = 16;
    private readonly string _text;
    private readonly string _file;
    private int _at;

    public PythonLiteral(string text, string file)
    {
        _text = text;
        _file = file;
    }

    public Dictionary<string, object?> ParseDict()
    {
        SkipSpace();
        if (Peek() != '{')
        {
            throw Fail("the header is not a Python dict", "a header such as {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }");
        }

        var dict = (Dictionary<string, object?>)ParseValue(0)!;
        SkipSpace();
        if (_at != _text.Length)
        {
            throw Fail($"unexpected text after the dict at offset {_at}", "only spaces and a newline after the closing brace");
        }

        return dict;
    }

    private object? ParseValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Fail("the header nests too deeply", $"at most {MaxDepth} levels");
        }

        SkipSpace();
        char c = Peek();
        switch (c)
        {
            case '{':
                return ParseDictBody(depth);
            case '(':
            case '[':
                return ParseSequence(c == '(' ? ')' : ']', depth);
            case '\'':
            case '"':
                return ParseString();
            default:
                if (char.IsAsciiDigit(c) || c == '-')
                {
                    return ParseInteger();
                }

                if (char.IsAsciiLetter(c))
                {
                    return ParseName();
                }

                throw Fail(c == '\0' ? "the header ends early" : $"unexpected character '{c}' at offset {_at}", "a Python literal");
        }
    }

    private Dictionary<string, object?> ParseDictBody(int depth)
    {
        _at++; // '{'
        var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (true)
        {
            SkipSpace();
            if (TryTake('}'))
            {
                return dict;
            }

            if (ParseValue(depth + 1) is not string key)
            {
                throw Fail($"a dict key at offset {_at} is not a string", "string keys");
            }

            SkipSpace();
            Expect(':');
            object? value = ParseValue(depth + 1);
            if (!dict.TryAdd(key, value))
            {
                throw Fail($"the key '{key}' appears twice", "each key once");
            }

            SkipSpace();
            if (!TryTake(','))
            {
                SkipSpace();
                Expect('}');
                return dict;
            }
        }
    }

    private List<object?> ParseSequence(char close, int depth)
    {
        _at++; // '(' or '['
        var items = new List<object?>();
        while (true)
        {
            SkipSpace();
            if (TryTake(close))
            {
                return items;
            }

            items.Add(ParseValue(depth + 1));
            SkipSpace();
            if (!TryTake(','))
            {
                SkipSpace();
                Expect(close);
                return items;
            }
        }
    }

    private string ParseString()
    {
        char quote = _text[_at++];
        var builder = new StringBuilder();
        while (_at < _text.Length && _text[_at] != quote)
        {
            if (_text[_at] == '\\')
            {
                // numpy's descrs never need escapes; a backslash is kept with the next character.
                builder.Append(_text[_at++]);
                if (_at >= _text.Length)
                {
                    break;
                }
            }

            builder.Append(_text[_at++]);
        }

        if (_at >= _text.Length)
        {
            throw Fail("a string in the header is not closed", $"a closing {quote}");
        }

        _at++;
        return builder.ToString();
    }

    private long ParseInteger()
    {
        int start = _at;
        if (Peek() == '-')
        {
            _at++;
        }

        while (char.IsAsciiDigit(Peek()))
        {
            _at++;
        }

        // Python 2 era headers may write 3L for a long.
        string digits = _text[start.._at];
        TryTake('L');
        if (!long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            throw Fail($"'{digits}' is not an integer that fits 64 bits", "integers below 2^63");
        }

        return value;
    }

    private object? ParseName()
    {
        int start = _at;
        while (char.IsAsciiLetterOrDigit(Peek()) || Peek() == '_')
        {
            _at++;
        }

        string name = _text[start.._at];
        return name switch
        {
            "True" => true,
            "False" => false,
            "None" => null,
            _ => throw Fail($"'{name}' is not a literal", "True, False, None, a string, an integer or a tuple"),
        };
    }

    private char Peek() => _at < _text.Length ? _text[_at] : '\0';

    private bool TryTake(char c)
    {
        if (Peek() != c)
        {
            return false;
        }

        _at++;
        return true;
    }

    private void Expect(char c)
    {
        if (!TryTake(c))
        {
            throw Fail(_at >= _text.Length ? $"the header ends where '{c}' belongs" : $"found '{_text[_at]}' at offset {_at} where '{c}' belongs", $"'{c}'");
        }
    }

    private void SkipSpace()
    {
        while (_at < _text.Length && char.IsWhiteSpace(_text[_at]))
        {
            _at++;
        }
    }

    private NpyFormatException Fail(string problem, string expected) => new(_file, "header", problem, expected);
}
