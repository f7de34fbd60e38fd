using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Stillas.Web.Platform.Access;

namespace Stillas.Web.Platform.Web;

/// <summary>
/// A page's form posted to a programme that is paused, stopped or completed: the write permissions are false
/// for it (<see cref="Access.Access.Can(AccessScope, Permission, IProgrammeScoped)"/>), so the handler refuses;
/// the person is told why (409, "the programme is paused or ended") instead of "no access". Pages name their
/// programme in a <c>Programme</c> property (the wing's convention).
/// </summary>
public sealed class ReadOnlyProgrammeFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (HttpMethods.IsGet(context.HttpContext.Request.Method) || executed.Result is not ForbidResult) return;
        if (executed.HandlerInstance.GetType().GetProperty("Programme")?.GetValue(executed.HandlerInstance) is IProgrammeResource { IsActive: false })
            throw new ReadOnlyProgrammeException("A form was posted to a programme that is not active.");
    }
}
