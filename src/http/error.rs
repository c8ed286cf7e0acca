//! How errors leave the service: a status and `{"error": "…"}`.
//!
//! The user's mistakes ([`crate::Error::is_users`]) keep their message, which names the
//! parameter and says why; an unknown plan or key is 404. Anything else is an internal
//! fault: the client reads only `internal error`, and the detail goes to stderr. This
//! module decides statuses; it does not validate anything.

use axum::Json;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::Error;

/// An error answer of the API.
#[derive(Debug)]
pub enum ApiError {
    /// 400: a parameter is wrong; the message says which and why.
    BadRequest(String),
    /// 404: no such plan, key or page.
    NotFound(String),
    /// 403: the request names a host this server does not answer to.
    Forbidden(String),
    /// 500: a fault of ours. The detail is logged, never sent.
    Internal(String),
}

impl ApiError {
    pub fn bad_request(message: impl Into<String>) -> Self {
        ApiError::BadRequest(message.into())
    }

    pub fn internal(detail: impl Into<String>) -> Self {
        ApiError::Internal(detail.into())
    }

    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The message the client reads.
    pub fn message(&self) -> &str {
        match self {
            ApiError::BadRequest(m) | ApiError::NotFound(m) | ApiError::Forbidden(m) => m,
            ApiError::Internal(_) => "internal error",
        }
    }

    /// The response, logging internal faults on stderr.
    pub fn into_response_logged(self) -> Response {
        if let ApiError::Internal(detail) = &self {
            eprintln!("plancite serve: internal error: {detail}");
        }
        (self.status(), Json(json!({ "error": self.message() }))).into_response()
    }
}

impl From<Error> for ApiError {
    fn from(err: Error) -> Self {
        match err {
            Error::NotFound(m) => ApiError::NotFound(m),
            Error::BadInput(m) => ApiError::BadRequest(m),
            Error::Query(e) => ApiError::BadRequest(format!("q: {e}")),
            other => ApiError::Internal(other.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        self.into_response_logged()
    }
}

/// Gives a JSON body to error responses made without one (a timeout, a method that is
/// not allowed), so every error of the API reads the same way.
pub async fn json_body_for_bare_errors(response: Response) -> Response {
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error())
        || response.headers().contains_key(header::CONTENT_TYPE)
    {
        return response;
    }
    let message = match status {
        StatusCode::SERVICE_UNAVAILABLE | StatusCode::REQUEST_TIMEOUT => {
            "the request took too long; try a narrower query".to_string()
        }
        StatusCode::METHOD_NOT_ALLOWED => "method not allowed: the API only answers GET".to_string(),
        _ => status.canonical_reason().unwrap_or("error").to_lowercase(),
    };
    let (mut parts, _) = response.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    let body = Json(json!({ "error": message })).into_response();
    let (body_parts, body) = body.into_parts();
    parts.headers.extend(body_parts.headers);
    Response::from_parts(parts, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_and_messages() {
        let cases = [
            (
                Error::BadInput("limit bad".into()),
                StatusCode::BAD_REQUEST,
                "limit bad",
            ),
            (
                Error::NotFound("no plan".into()),
                StatusCode::NOT_FOUND,
                "no plan",
            ),
            (
                Error::Internal("disk on fire".into()),
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal error",
            ),
            (
                Error::NoIndex("/x".into()),
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal error",
            ),
        ];
        for (err, status, message) in cases {
            let api = ApiError::from(err);
            assert_eq!(api.status(), status);
            assert_eq!(api.message(), message);
        }
    }
}
