using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Sargable.Analyzers
{
    internal static class OperationExtensions
    {
        /// <summary>Strips implicit and explicit conversions, parentheses and delegate creations.</summary>
        public static IOperation Unwrap(this IOperation operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        continue;
                    case IDelegateCreationOperation delegateCreation:
                        operation = delegateCreation.Target;
                        continue;
                    default:
                        return operation;
                }
            }
        }

        /// <summary>The receiver of an instance call or the <c>this</c> argument of an extension call.</summary>
        public static IOperation? Receiver(this IInvocationOperation invocation)
        {
            if (invocation.Instance is { } instance)
            {
                return instance;
            }

            return invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null;
        }

        /// <summary>The call that uses this operation as its receiver (<c>x.A().B()</c>: from A to B), if any.</summary>
        public static IInvocationOperation? OuterCall(this IOperation operation)
        {
            var current = operation;
            while (current.Parent is IConversionOperation or IParenthesizedOperation)
            {
                current = current.Parent;
            }

            if (current.Parent is IInvocationOperation invocation && invocation.Instance == current)
            {
                return invocation;
            }

            if (current.Parent is IArgumentOperation argument && argument.Parent is IInvocationOperation extension &&
                extension.TargetMethod.IsExtensionMethod && extension.Arguments.Length > 0 && extension.Arguments[0] == argument)
            {
                return extension;
            }

            return null;
        }

        /// <summary>The lambda passed as an argument, if the argument is one.</summary>
        public static IAnonymousFunctionOperation? AsLambda(this IOperation? operation) => operation?.Unwrap() as IAnonymousFunctionOperation;

        /// <summary>The single expression a lambda returns (<c>x => expr</c>), or null for statement bodies.</summary>
        public static IOperation? LambdaResult(this IAnonymousFunctionOperation lambda)
        {
            var body = lambda.Body;
            if (body.Operations.Length >= 1 && body.Operations[0] is IReturnOperation { ReturnedValue: { } value })
            {
                return value;
            }

            return null;
        }

        public static IOperation Root(this IOperation operation)
        {
            var current = operation;
            while (current.Parent is not null)
            {
                current = current.Parent;
            }

            return current;
        }

        /// <summary>True when the operation or any descendant reads the parameter.</summary>
        public static bool References(this IOperation operation, IParameterSymbol parameter)
        {
            if (operation is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter))
            {
                return true;
            }

            foreach (var descendant in operation.Descendants())
            {
                if (descendant is IParameterReferenceOperation r && SymbolEqualityComparer.Default.Equals(r.Parameter, parameter))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Constant strings in an argument: literals, nameof, and params arrays of them.</summary>
        public static List<string> ConstantStrings(this IOperation operation)
        {
            var list = new List<string>();
            if (operation.ConstantValue is { HasValue: true, Value: string single })
            {
                list.Add(single);
                return list;
            }

            foreach (var descendant in operation.Descendants())
            {
                if (descendant.ConstantValue is { HasValue: true, Value: string value } && descendant is not IArgumentOperation)
                {
                    if (descendant is INameOfOperation || descendant.Parent is not INameOfOperation)
                    {
                        list.Add(value);
                    }
                }
            }

            return list;
        }
    }
}
