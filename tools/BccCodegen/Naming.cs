using System.Text;

namespace BccCodegen;

/// <summary>Turns wire names into C# names.</summary>
internal static class Naming
{
    private static readonly HashSet<string> s_keywords = ["Equals", "GetHashCode", "GetType", "ToString"];

    /// <summary>Gets the property name of a JSON field: PascalCase, with the service's <c>desc</c> spelled out.</summary>
    public static string Property(string json)
    {
        if (json == "desc")
        {
            return "Description";
        }

        string name = Pascal(json);
        return s_keywords.Contains(name) ? name + "Value" : name;
    }

    /// <summary>Upper-cases the first letter and drops characters C# names cannot hold.</summary>
    public static string Pascal(string text)
    {
        var builder = new StringBuilder(text.Length);
        bool upperNext = true;
        foreach (char c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                upperNext = true;
                continue;
            }

            builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }

        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, 'V');
        }

        return builder.ToString();
    }

    /// <summary>Gets the member name of an enumeration value (<c>Cloud_HDD_General</c> → <c>CloudHddGeneral</c>).</summary>
    public static string EnumMember(string value)
    {
        var builder = new StringBuilder();
        foreach (string part in value.Split(['_', '-', '.', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            string word = part.Length > 1 && part.All(c => !char.IsAsciiLetterLower(c)) ? part[0] + part[1..].ToLowerInvariant() : part;
            builder.Append(char.ToUpperInvariant(word[0])).Append(word.AsSpan(1));
        }

        return Pascal(builder.ToString());
    }

    /// <summary>Gets the indefinite article of a noun written in words: <c>an</c> before a vowel, else <c>a</c>.</summary>
    public static string Article(string noun) => "aeiou".Contains(char.ToLowerInvariant(noun[0]), StringComparison.Ordinal) ? "an" : "a";

    /// <summary>Gets a camelCase parameter name.</summary>
    public static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>Splits a camelCase wire name into lower-case words (<c>createTime</c> → <c>create time</c>).</summary>
    public static string Words(string json)
    {
        var builder = new StringBuilder();
        for (int i = 0; i < json.Length; i++)
        {
            char c = json[i];
            bool boundary = i > 0 && char.IsAsciiLetterUpper(c) && (char.IsAsciiLetterLower(json[i - 1]) || (i + 1 < json.Length && char.IsAsciiLetterLower(json[i + 1])));
            if (boundary)
            {
                builder.Append(' ');
            }

            builder.Append(char.IsAsciiLetterUpper(c) && !IsAcronymAt(json, i) ? char.ToLowerInvariant(c) : c);
        }

        return builder.ToString();
    }

    private static bool IsAcronymAt(string text, int index) =>
        (index + 1 < text.Length && char.IsAsciiLetterUpper(text[index + 1])) || (index > 0 && char.IsAsciiLetterUpper(text[index - 1]));

    /// <summary>Escapes text for an XML doc comment.</summary>
    public static string Xml(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Trim();

    /// <summary>Makes a description one sentence that ends with a full stop.</summary>
    public static string Sentence(string text)
    {
        string trimmed = Xml(text).TrimEnd('.', ' ', ';', ',');
        if (trimmed.Length == 0)
        {
            return trimmed;
        }

        return char.ToUpperInvariant(trimmed[0]) + trimmed[1..] + ".";
    }
}
