using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Stillas.Web.Platform.Web;

/// <summary>
/// One form field in Designsystemet markup: label, optional description, the control, and its
/// Norwegian error message, wired with aria-describedby/aria-invalid. Values typed by the user are
/// kept on a failed post (they come from ModelState). Usage:
/// <c>&lt;ds-field for="Input.Name" label="Navn" description="…" /&gt;</c>
/// </summary>
[HtmlTargetElement("ds-field", Attributes = "for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(IHtmlGenerator generator) : TagHelper
{
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = default!;
    public ModelExpression For { get; set; } = default!;
    public string Label { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>text (default), email, number, password, date, textarea, select, checkbox.</summary>
    public string Type { get; set; } = "text";
    public IEnumerable<SelectListItem>? Items { get; set; }
    /// <summary>For selects: the text of an empty first option; none when null.</summary>
    public string? Empty { get; set; }
    public string? Autocomplete { get; set; }
    public int? Rows { get; set; }
    public bool Autofocus { get; set; }
    /// <summary>
    /// Label, description and empty option are bokmål catalog keys, translated here (docs/text.md), so a form
    /// reads <c>label="Navn"</c>. False for a label that is data or already translated.
    /// </summary>
    public bool Translate { get; set; } = true;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (Translate)
        {
            Label = Stillas.Web.Platform.Text.L.T(Label);
            if (Description is not null) Description = Stillas.Web.Platform.Text.L.T(Description);
            if (Empty is not null) Empty = Stillas.Web.Platform.Text.L.T(Empty);
        }
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var state = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry : null;
        var errors = state?.Errors.Select(e => e.ErrorMessage).Where(m => !string.IsNullOrEmpty(m)).ToList() ?? [];
        var invalid = state?.ValidationState == ModelValidationState.Invalid;
        var describedBy = new List<string>();
        if (Description is not null) describedBy.Add(id + "-desc");
        if (invalid) describedBy.Add(id + "-err");

        var attrs = new Dictionary<string, object>(StringComparer.Ordinal) { ["class"] = "ds-input" };
        if (describedBy.Count > 0) attrs["aria-describedby"] = string.Join(' ', describedBy);
        if (invalid) attrs["aria-invalid"] = "true";
        if (Autocomplete is not null) attrs["autocomplete"] = Autocomplete;
        if (Autofocus) attrs["autofocus"] = "autofocus";
        if (For.Metadata.IsRequired && Type != "checkbox") attrs["required"] = "required";
        var maxLength = For.Metadata.ValidatorMetadata.OfType<System.ComponentModel.DataAnnotations.StringLengthAttribute>().FirstOrDefault()?.MaximumLength
                        ?? For.Metadata.ValidatorMetadata.OfType<System.ComponentModel.DataAnnotations.MaxLengthAttribute>().FirstOrDefault()?.Length;

        IHtmlContent control;
        switch (Type)
        {
            case "textarea":
                control = generator.GenerateTextArea(ViewContext, For.ModelExplorer, name, Rows ?? 5, 0, attrs);
                break;
            case "select":
                attrs["class"] = "ds-input";
                control = generator.GenerateSelect(ViewContext, For.ModelExplorer, Empty, name, Items ?? [], false, attrs);
                break;
            case "checkbox":
                attrs["class"] = "ds-input";
                attrs["type"] = "checkbox";
                control = generator.GenerateCheckBox(ViewContext, For.ModelExplorer, name, null, attrs);
                break;
            case "password":
                control = generator.GeneratePassword(ViewContext, For.ModelExplorer, name, null, attrs);
                break;
            default:
                attrs["type"] = Type;
                if (Type == "number") attrs["inputmode"] = "numeric";
                if (maxLength is int max && Type is "text" or "email") attrs["maxlength"] = max;
                // A date input only takes ISO dates (yyyy-MM-dd); the culture's format would show it empty and clear it on save.
                var format = Type == "date" ? "{0:yyyy-MM-dd}" : null;
                control = generator.GenerateTextBox(ViewContext, For.ModelExplorer, name, For.Model, format, attrs);
                break;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "ds-field");
        var enc = System.Text.Encodings.Web.HtmlEncoder.Default;
        var html = new HtmlContentBuilder();
        if (Type == "checkbox")
        {
            html.AppendHtml(control);
            html.AppendHtml($"<label class=\"ds-label\" data-weight=\"regular\" for=\"{id}\">{enc.Encode(Label)}</label>");
            if (Description is not null) html.AppendHtml($"<div data-field=\"description\" id=\"{id}-desc\">{enc.Encode(Description)}</div>");
            if (control is TagBuilder) { }
            html.AppendHtml(generator.GenerateHiddenForCheckbox(ViewContext, For.ModelExplorer, name));
        }
        else
        {
            html.AppendHtml($"<label class=\"ds-label\" for=\"{id}\">{enc.Encode(Label)}</label>");
            if (Description is not null) html.AppendHtml($"<div data-field=\"description\" id=\"{id}-desc\">{enc.Encode(Description)}</div>");
            html.AppendHtml(control);
        }
        if (invalid)
        {
            var message = errors.Count > 0 ? string.Join(" ", errors) : Stillas.Web.Platform.Text.L.T("Verdien er ikke gyldig.");
            html.AppendHtml($"<div class=\"ds-validation-message\" data-field=\"validation\" id=\"{id}-err\">{enc.Encode(message)}</div>");
        }
        output.Content.SetHtmlContent(html);
    }
}

/// <summary>Breadcrumbs for the layout: ViewData["Breadcrumbs"].</summary>
public static class Crumbs
{
    public static void Set(Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary viewData, params (string Text, string? Href)[] crumbs) =>
        viewData["Breadcrumbs"] = crumbs;
}
