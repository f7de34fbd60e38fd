using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Stillas.Web.Platform.Web;

/// <summary>
/// Dates a person types are bounded once, for pages and API alike (issue 18, part 8): a date before 01.01.2000 or
/// after 31.12.2100 is refused at its field, so no rule further on meets 0001-01-01 or 9999-12-31 (whose AddYears
/// and AddDays throw, and which no school plans with). Pages: a model binder in front of the date binders, so the
/// message sits at the field and the typed value is kept. API: an endpoint filter over every endpoint's date
/// parameters and the date fields of its input models, answering 400 validation problem details by field.
/// A field that needs older dates says so with <see cref="EarliestYearAttribute"/>.
/// </summary>
public static class BoundedInput
{
    public const int MinYear = 2000;
    public static readonly DateOnly Max = new(2100, 12, 31);
    public const string Title = "Forespørselen har en dato utenfor det gyldige området.";

    /// <summary>The message at a field, in the current language and date format ("mellom 01.01.2000 og 31.12.2100").</summary>
    public static string Message(int minYear) => Text.L.T("Datoen må være mellom {0} og {1}.", NorwegianTime.Date(new DateOnly(minYear, 1, 1)), NorwegianTime.Date(Max));

    public static bool InRange(object value, int minYear = MinYear)
    {
        DateOnly? d = value switch
        {
            DateOnly x => x,
            DateTime x => DateOnly.FromDateTime(x),
            // The date as its writer meant it (Oslo is at most two hours from UTC; the bounds are whole years).
            DateTimeOffset x => DateOnly.FromDateTime(x.DateTime),
            _ => null,
        };
        return d is not { } date || (date.Year >= minYear && date <= Max);
    }

    private static bool IsDate(Type t) => (Nullable.GetUnderlyingType(t) ?? t) is var u && (u == typeof(DateOnly) || u == typeof(DateTime) || u == typeof(DateTimeOffset));

    public static IServiceCollection AddBoundedInput(this IServiceCollection services) =>
        services.Configure<MvcOptions>(o => o.ModelBinderProviders.Insert(0, new DateBinderProvider(o.ModelBinderProviders.ToArray())));

    /// <summary>The root of the API's groups: every endpoint under it gets the date bounds.</summary>
    public static RouteGroupBuilder MapApiRoot(this IEndpointRouteBuilder app) => app.MapGroup("").AddEndpointFilterFactory(Filter);

    // Pages ------------------------------------------------------------------------------------------------

    private sealed class DateBinderProvider(IModelBinderProvider[] others) : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context)
        {
            if (!IsDate(context.Metadata.ModelType)) return null;
            var inner = others.Select(p => p.GetBinder(context)).FirstOrDefault(b => b is not null);
            var minYear = EarliestYear(context.Metadata.ContainerType?.GetProperty(context.Metadata.PropertyName ?? ""));
            return inner is null ? null : new DateBinder(inner, minYear);
        }
    }

    private sealed class DateBinder(IModelBinder inner, int minYear) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext context)
        {
            await inner.BindModelAsync(context);
            if (context.Result.IsModelSet && context.Result.Model is { } value && !InRange(value, minYear))
            {
                // As a value that does not parse: the message at the field, the typed text kept, no other rule run on it.
                context.ModelState.TryAddModelError(context.ModelName, Message(minYear));
                context.Result = ModelBindingResult.Failed();
            }
        }
    }

    private static int EarliestYear(PropertyInfo? p) => p?.GetCustomAttribute<EarliestYearAttribute>()?.Year ?? MinYear;

    // API --------------------------------------------------------------------------------------------------

    private static readonly ConcurrentDictionary<Type, bool> HasDates = new();

    private static bool Relevant(Type t, int depth = 0)
    {
        if (IsDate(t)) return true;
        if (depth > 4 || t == typeof(string) || t.IsPrimitive || t.IsEnum || t.Assembly != typeof(BoundedInput).Assembly && !t.IsGenericType) return false;
        return HasDates.GetOrAdd(t, type =>
        {
            if (ElementOf(type) is { } element) return Relevant(element, depth + 1);
            if (type.Assembly != typeof(BoundedInput).Assembly) return false;
            return type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p => p.GetIndexParameters().Length == 0 && Relevant(p.PropertyType, depth + 1));
        });
    }

    private static Type? ElementOf(Type t) =>
        t.IsArray ? t.GetElementType() : t.IsGenericType && typeof(IEnumerable).IsAssignableFrom(t) ? t.GetGenericArguments().FirstOrDefault() : null;

    private static EndpointFilterDelegate Filter(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        // Only what the request supplies: a service (the DbContext, the scope, the clock) is no input, and walking it would read the database.
        var services = context.ApplicationServices.GetService<Microsoft.Extensions.DependencyInjection.IServiceProviderIsService>();
        var checks = context.MethodInfo.GetParameters().Select((p, i) => (Parameter: p, Index: i))
            .Where(x => services?.IsService(x.Parameter.ParameterType) != true && x.Parameter.GetCustomAttribute<FromServicesAttribute>() is null
                && !typeof(Microsoft.EntityFrameworkCore.DbContext).IsAssignableFrom(x.Parameter.ParameterType)
                && Relevant(x.Parameter.ParameterType))
            .ToArray();
        if (checks.Length == 0) return next;
        return async invocation =>
        {
            var errors = new Dictionary<string, List<string>>();
            foreach (var (parameter, index) in checks)
            {
                var value = invocation.Arguments.Count > index ? invocation.Arguments[index] : null;
                // A date parameter is named by itself (a query's "from"); an input model's fields by their own names.
                var path = IsDate(parameter.ParameterType) ? ApiSupport.ToCamel(parameter.Name ?? "") : "";
                Check(value, path, EarliestYear(null), errors, 0);
            }
            if (errors.Count > 0)
                return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), title: Text.L.T(Title));
            return await next(invocation);
        };
    }

    private static void Check(object? value, string path, int minYear, Dictionary<string, List<string>> errors, int depth)
    {
        if (value is null || depth > 5) return;
        var type = value.GetType();
        if (IsDate(type))
        {
            if (!InRange(value, minYear)) (errors.TryGetValue(path, out var list) ? list : errors[path] = []).Add(Message(minYear));
            return;
        }
        if (value is string or IQueryable || !Relevant(type)) return;
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items) Check(item, $"{path}[{i++}]", minYear, errors, depth + 1);
            return;
        }
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.GetIndexParameters().Length > 0 || !Relevant(p.PropertyType)) continue;
            var name = ApiSupport.ToCamel(p.Name);
            Check(p.GetValue(value), path.Length == 0 ? name : $"{path}.{name}", EarliestYear(p), errors, depth + 1);
        }
    }
}

/// <summary>The field accepts dates from this year on instead of <see cref="BoundedInput.MinYear"/> (a course taken long ago).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EarliestYearAttribute(int year) : Attribute
{
    public int Year { get; } = year;
}
