using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;

namespace Freight.Http;

/// <summary>Checks a deserialized value (or each item of a collection) against its DataAnnotations attributes.</summary>
internal static class ResponseValidation
{
    // Whether a type declares any validation attribute; most response types do not, and they skip the validator.
    private static readonly ConcurrentDictionary<Type, bool> Annotated = new();

    public static List<string> Validate(object? value, bool dataAnnotations, Func<object, IEnumerable<string>>? custom)
    {
        var problems = new List<string>();
        if (value is null)
        {
            return problems;
        }

        if (dataAnnotations)
        {
            if (value is IEnumerable items and not string)
            {
                var index = 0;
                foreach (var item in items)
                {
                    AddProblems(item, string.Create(CultureInfo.InvariantCulture, $"[{index++}]."), problems);
                }
            }
            else
            {
                AddProblems(value, string.Empty, problems);
            }
        }

        if (custom is not null)
        {
            problems.AddRange(custom(value));
        }

        return problems;
    }

    private static void AddProblems(object? item, string prefix, List<string> problems)
    {
        if (item is null || !Annotated.GetOrAdd(item.GetType(), HasAnnotations))
        {
            return;
        }

        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(item, new ValidationContext(item), results, validateAllProperties: true))
        {
            foreach (var result in results)
            {
                problems.Add(Describe(result, prefix));
            }
        }
    }

    // Kept out of AddProblems: a lambda capturing the prefix there would allocate its closure on every call.
    private static string Describe(ValidationResult result, string prefix)
    {
        var members = string.Join(", ", result.MemberNames.Select(member => prefix + member));
        return members.Length > 0 ? $"{members}: {result.ErrorMessage}" : result.ErrorMessage ?? "invalid";
    }

    private static bool HasAnnotations(Type type) =>
        type.IsDefined(typeof(ValidationAttribute), inherit: true)
        || typeof(IValidatableObject).IsAssignableFrom(type)
        || type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(property => property.IsDefined(typeof(ValidationAttribute), inherit: true));
}
