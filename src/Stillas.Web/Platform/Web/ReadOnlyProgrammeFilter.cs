using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Stillas.Web.Platform.Access;

namespace Stillas.Web.Platform.Web;

/// <summary>
/// A page's form posted to a programme that is paused, stopped or completed: the write permissions are false
/// for it (<see cref="Access.Access.Can(AccessScope, Permission, IProgrammeScoped)"/>), so the handler refuses;
/// the person is told why (409 and the error page's "Forløpet kan ikke endres") instead of "no access". An
/// expected answer, not a fault: nothing is thrown or logged as an error. Pages name their programme in a
/// <c>Programme</c> property (the wing's convention).
/// </summary>
public sealed class ReadOnlyProgrammeFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (HttpMethods.IsGet(context.HttpContext.Request.Method) || executed.Result is not ForbidResult) return;
        if (executed.HandlerInstance.GetType().GetProperty("Programme")?.GetValue(executed.HandlerInstance) is IProgrammeResource { IsActive: false })
            executed.Result = new StatusCodeResult(StatusCodes.Status409Conflict);
    }
}
