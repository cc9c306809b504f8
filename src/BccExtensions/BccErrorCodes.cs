namespace BccExtensions;

/// <summary>The common BCE error codes (Baidu's Go and Java SDK constants) plus those BCC documents.</summary>
public static class BccErrorCodes
{
    /// <summary>403: no permission.</summary>
    public const string AccessDenied = "AccessDenied";

    /// <summary>400: well-formed JSON that is semantically wrong.</summary>
    public const string InappropriateJson = "InappropriateJSON";

    /// <summary>500: undefined server error.</summary>
    public const string InternalError = "InternalError";

    /// <summary>403: the access key id does not exist.</summary>
    public const string InvalidAccessKeyId = "InvalidAccessKeyId";

    /// <summary>400: malformed Authorization header.</summary>
    public const string InvalidHttpAuthHeader = "InvalidHTTPAuthHeader";

    /// <summary>400: bad body or encoding.</summary>
    public const string InvalidHttpRequest = "InvalidHTTPRequest";

    /// <summary>400: the URI cannot be parsed.</summary>
    public const string InvalidUri = "InvalidURI";

    /// <summary>400: the JSON body is not well-formed.</summary>
    public const string MalformedJson = "MalformedJSON";

    /// <summary>404: bad API version in the URI.</summary>
    public const string InvalidVersion = "InvalidVersion";

    /// <summary>403: the service is not activated for the account.</summary>
    public const string OptInRequired = "OptInRequired";

    /// <summary>412: a precondition failed.</summary>
    public const string PreconditionFailed = "PreconditionFailed";

    /// <summary>400: the signature's timestamp is too old or in the future.</summary>
    public const string RequestExpired = "RequestExpired";

    /// <summary>403: the signature does not match (wrong secret key, or the request changed after signing).</summary>
    public const string SignatureDoesNotMatch = "SignatureDoesNotMatch";

    /// <summary>409: a clientToken was reused with a different request.</summary>
    public const string IdempotentParameterMismatch = "IdempotentParameterMismatch";

    /// <summary>403: the account has not passed real-name verification.</summary>
    public const string QualifyNotPass = "QualifyNotPass";

    /// <summary>404 without a BCE error body (Baidu's Go SDK names it by the status): no such route.</summary>
    public const string NotFound = "NotFound";

    /// <summary>404: the resource a request names (an instance, a volume, a snapshot, …) does not exist.</summary>
    public const string NoSuchObject = "NoSuchObject";

    /// <summary>409: the instance cannot start in its current state.</summary>
    public const string InstanceStartForbidden = "Instance.StartInstanceOperationForbidden";

    /// <summary>409: the instance cannot stop in its current state.</summary>
    public const string InstanceStopForbidden = "Instance.StopInstanceOperationForbidden";

    /// <summary>409: the instance cannot start while it is being created.</summary>
    public const string InstanceStartWhenCreating = "Instance.StartInstanceWhenCreating";
}
