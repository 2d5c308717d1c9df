using System;

namespace Sargable.Baselines
{
    /// <summary>
    /// What identifies a finding across edits: its rule, its file relative to the baseline file (forward slashes), and a
    /// fingerprint from <see cref="BaselineFingerprint"/>. Never a line number, so moving code does not make a finding new.
    /// </summary>
    public readonly struct BaselineKey : IEquatable<BaselineKey>, IComparable<BaselineKey>
    {
        /// <summary>Creates a key; <paramref name="path"/> is stored with forward slashes.</summary>
        public BaselineKey(string ruleId, string path, string fingerprint)
        {
            RuleId = (ruleId ?? throw new ArgumentNullException(nameof(ruleId))).ToUpperInvariant();
            Path = (path ?? throw new ArgumentNullException(nameof(path))).Replace('\\', '/');
            Fingerprint = fingerprint ?? throw new ArgumentNullException(nameof(fingerprint));
        }

        /// <summary>The rule ID, upper case (SARG0003).</summary>
        public string RuleId { get; }

        /// <summary>The file, relative to the baseline file's folder, with forward slashes.</summary>
        public string Path { get; }

        /// <summary>The fingerprint of the finding (<see cref="BaselineFingerprint"/>).</summary>
        public string Fingerprint { get; }

        /// <summary>Ordinal order by path, then rule, then fingerprint: the order the file is written in.</summary>
        public int CompareTo(BaselineKey other)
        {
            var byPath = string.CompareOrdinal(Path, other.Path);
            if (byPath != 0)
            {
                return byPath;
            }

            var byRule = string.CompareOrdinal(RuleId, other.RuleId);
            return byRule != 0 ? byRule : string.CompareOrdinal(Fingerprint, other.Fingerprint);
        }

        /// <summary>Ordinal equality of the three parts.</summary>
        public bool Equals(BaselineKey other) =>
            string.Equals(RuleId, other.RuleId, StringComparison.Ordinal) &&
            string.Equals(Path, other.Path, StringComparison.Ordinal) &&
            string.Equals(Fingerprint, other.Fingerprint, StringComparison.Ordinal);

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is BaselineKey other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode()
        {
            unchecked
            {
                var hash = StringComparer.Ordinal.GetHashCode(RuleId ?? string.Empty);
                hash = (hash * 397) ^ StringComparer.Ordinal.GetHashCode(Path ?? string.Empty);
                return (hash * 397) ^ StringComparer.Ordinal.GetHashCode(Fingerprint ?? string.Empty);
            }
        }

        /// <summary><c>SARG0003 path fingerprint</c>.</summary>
        public override string ToString() => RuleId + " " + Path + " " + Fingerprint;
    }
}
