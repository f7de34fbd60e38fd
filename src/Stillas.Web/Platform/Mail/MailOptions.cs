namespace Stillas.Web.Platform.Mail;

public sealed class MailOptions
{
    /// <summary>SMTP host; when empty, mails are written as .eml files into <see cref="PickupDirectory"/>.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public bool UseStartTls { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "stillas@stillas.test";
    public string FromName { get; set; } = "Stillas";
    public string PickupDirectory { get; set; } = "data/mail";
    /// <summary>How often the dispatcher looks for due messages when not woken.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);
    public int MaxAttempts { get; set; } = 8;
    /// <summary>
    /// How long a dispatcher holds a claimed message. An instance that dies while sending (SIGKILL) leaves its
    /// lease behind; after this time another instance, or the same one restarted, sends the message again.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>Public base address used in links in mails.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";
}
