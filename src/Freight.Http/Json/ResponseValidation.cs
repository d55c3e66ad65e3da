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

    /// <summary>The problems found; an empty list (nothing allocated) when the value is valid.</summary>
    public static IReadOnlyList<string> Validate(object? value, bool dataAnnotations, Func<object, IEnumerable<string>>? custom)
    {
        List<string>? problems = null;
        if (value is null)
        {
            return [];
        }

        if (dataAnnotations)
        {
            if (value is IEnumerable items and not string)
            {
                var index = 0;
                foreach (var item in items)
                {
                    if (IsAnnotated(item))
                    {
                        AddProblems(item!, string.Create(CultureInfo.InvariantCulture, $"[{index}]."), ref problems);
                    }

                    index++;
                }
            }
            else if (IsAnnotated(value))
            {
                AddProblems(value, string.Empty, ref problems);
            }
        }

        if (custom is not null)
        {
            foreach (var problem in custom(value))
            {
                (problems ??= []).Add(problem);
            }
        }

        return problems ?? (IReadOnlyList<string>)[];
    }

    private static bool IsAnnotated(object? item) => item is not null && Annotated.GetOrAdd(item.GetType(), HasAnnotations);

    private static void AddProblems(object item, string prefix, ref List<string>? problems)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(item, new ValidationContext(item), results, validateAllProperties: true))
        {
            foreach (var result in results)
            {
                (problems ??= []).Add(Describe(result, prefix));
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
