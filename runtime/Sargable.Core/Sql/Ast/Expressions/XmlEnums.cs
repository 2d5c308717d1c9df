namespace Sargable.Sql
{
    /// <summary>Whether XMLPARSE and XMLSERIALIZE treat the value as a whole document or as content (a fragment).</summary>
    public enum XmlOption
    {
        /// <summary><c>DOCUMENT</c>: exactly one root element.</summary>
        Document,

        /// <summary><c>CONTENT</c>: any XML content, several top-level nodes allowed.</summary>
        Content,
    }

    /// <summary>The STANDALONE part of XMLROOT.</summary>
    public enum XmlStandalone
    {
        /// <summary>Not written: the value's declaration keeps its standalone setting.</summary>
        Omitted,

        /// <summary><c>STANDALONE YES</c>.</summary>
        Yes,

        /// <summary><c>STANDALONE NO</c>.</summary>
        No,

        /// <summary><c>STANDALONE NO VALUE</c>: the setting is removed.</summary>
        NoValue,
    }
}
