using System.Text;

namespace Sargable.Json
{
    /// <summary>
    /// Builds the human-readable paths used in error messages: <c>tables.deployments.indexes[0].columns</c>,
    /// with bracket notation for names that are not plain identifiers (<c>tables["public.deployments"]</c>).
    /// </summary>
    internal static class JsonPathText
    {
        public static string Property(string parent, string name)
        {
            if (IsPlainName(name))
            {
                return parent.Length == 0 ? name : parent + "." + name;
            }

            var builder = new StringBuilder(parent.Length + name.Length + 4);
            builder.Append(parent).Append('[');
            JsonWriter.AppendQuoted(builder, name);
            return builder.Append(']').ToString();
        }

        public static string Index(string parent, int index) => parent + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";

        private static bool IsPlainName(string name)
        {
            if (name.Length == 0)
            {
                return false;
            }

            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                var ok = c == '_' || c == '$' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9');
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
