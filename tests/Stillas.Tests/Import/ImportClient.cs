using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Stillas.Tests.Import;

/// <summary>What a browser does on the import page: upload a file as multipart form data, and read the preview's hidden field.</summary>
public static partial class ImportClient
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"Data\" value=\"([^\"]+)\"")]
    private static partial Regex DataField();

    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, int? ownerId, byte[] file, string fileName = "skoler.csv")
    {
        var page = await client.GetAsync("/Import/Schools");
        var match = Token().Match(await page.Content.ReadAsStringAsync());
        if (!match.Success) throw new InvalidOperationException($"No antiforgery token on the import page ({(int)page.StatusCode}).");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(match.Groups[1].Value)), "__RequestVerificationToken" },
        };
        if (ownerId is not null) content.Add(new StringContent(ownerId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Owner");
        var fileContent = new ByteArrayContent(file);
        fileContent.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(fileContent, "Upload", fileName);
        return await client.PostAsync("/Import/Schools?handler=Preview", content);
    }

    /// <summary>The protected file of a preview that may be confirmed; null when the page offers no confirm.</summary>
    public static string? ConfirmData(string html)
    {
        var match = DataField().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }
}
