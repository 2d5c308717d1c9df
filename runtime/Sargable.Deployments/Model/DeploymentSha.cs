using System;
using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Sargable.Deployments.Model
{
    /// <summary>
    /// A commit id: 40 hex characters in the API and in C#, 20 bytes in the database (<c>bytea</c>), half the size of
    /// the text and of every index that holds it.
    /// </summary>
    public static class DeploymentSha
    {
        /// <summary>Characters in a SHA-1 commit id written in hex.</summary>
        public const int HexLength = 40;

        /// <summary>Maps the hex string of the model to the 20 bytes of the column (and back, in lower case).</summary>
        public static readonly ValueConverter<string, byte[]> ToBytes = new(
            hex => Convert.FromHexString(hex),
            bytes => Convert.ToHexStringLower(bytes));

        /// <summary>Reads a 40-character hex commit id (either case) and returns it in lower case.</summary>
        public static bool TryNormalize(string? text, [NotNullWhen(true)] out string? sha)
        {
            sha = null;
            if (text is null || text.Length != HexLength)
            {
                return false;
            }

            foreach (var c in text)
            {
                if (!char.IsAsciiHexDigit(c))
                {
                    return false;
                }
            }

            sha = text.ToLowerInvariant();
            return true;
        }
    }
}
