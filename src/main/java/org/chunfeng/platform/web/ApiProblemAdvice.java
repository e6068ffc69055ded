package org.chunfeng.platform.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.chunfeng.platform.ConflictException;
import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.LocalizedMessage;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.RefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Every failure of an API call as RFC 9457 Problem Details, in the caller's language: bad input is a 400 that
 * names the field, never a 500. Each problem carries {@code errors: [{field, message}]} where a field is known.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
public class ApiProblemAdvice {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

	private final MessageSource messages;

	ApiProblemAdvice(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(InvalidRequestException.class)
	ResponseEntity<ProblemDetail> invalidRequest(InvalidRequestException ex, HttpServletRequest request) {
		return badRequest(request, List.of(new FieldMessage(ex.field(), text(ex.code(), ex.args()))));
	}

	@ExceptionHandler(InvalidFieldsException.class)
	ResponseEntity<ProblemDetail> invalidFields(InvalidFieldsException ex, HttpServletRequest request) {
		return badRequest(request, ex.problems().stream()
			.map(problem -> new FieldMessage(problem.field(), text(problem.code(), problem.args())))
			.toList());
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(NotFoundException ex, HttpServletRequest request) {
		String detail = text("problem.notFound.detail", text(ex.kind()), ex.key());
		return problem(HttpStatus.NOT_FOUND, "problem.notFound", detail, request, List.of());
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<ProblemDetail> conflict(ConflictException ex, HttpServletRequest request) {
		String detail = text("problem.conflict.detail", text(ex.kind()), ex.key(), ex.currentVersion());
		ResponseEntity<ProblemDetail> response = problem(HttpStatus.CONFLICT, "problem.conflict", detail, request,
				List.of());
		response.getBody().setProperty("currentVersion", ex.currentVersion());
		return response;
	}

	@ExceptionHandler(RefusedException.class)
	ResponseEntity<ProblemDetail> refused(RefusedException ex, HttpServletRequest request) {
		return problem(HttpStatus.CONFLICT, "problem.refused", text(ex.messageCode(), ex.messageArgs()), request,
				List.of());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		LocalizedMessage reason = localizedCause(ex);
		String message = reason != null ? text(reason.messageCode(), reason.messageArgs())
				: text("problem.field.typeValue", ex.getValue());
		return badRequest(request, List.of(new FieldMessage(ex.getName(), message)));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException ex,
			HttpServletRequest request) {
		return badRequest(request, List.of(new FieldMessage(ex.getParameterName(), text("problem.field.required"))));
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException ex, HttpServletRequest request) {
		return badRequest(request, List.of(new FieldMessage(ex.getRequestPartName(), text("problem.field.required"))));
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException ex, HttpServletRequest request) {
		List<FieldMessage> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(new FieldMessage(error.getField(), messages.getMessage(error, locale())));
		}
		ex.getBindingResult().getGlobalErrors()
			.forEach(error -> errors.add(new FieldMessage(null, messages.getMessage(error, locale()))));
		return badRequest(request, errors);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException ex, HttpServletRequest request) {
		List<FieldMessage> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors()
			.forEach(error -> errors.add(new FieldMessage(result.getMethodParameter().getParameterName(),
					messages.getMessage(error, locale())))));
		return badRequest(request, errors);
	}

	/** Malformed JSON, a wrong type, or a value that breaks its own rules (a bad ID number in a body). */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
		String field = null;
		if (ex.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
			StringBuilder path = new StringBuilder();
			databind.getPath().forEach(reference -> {
				if (reference.getPropertyName() != null) {
					path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
				}
				else if (reference.getIndex() >= 0) {
					path.append('[').append(reference.getIndex()).append(']');
				}
			});
			field = path.toString();
		}
		LocalizedMessage reason = localizedCause(ex);
		String message;
		if (reason != null) {
			message = text(reason.messageCode(), reason.messageArgs());
		}
		else if (field != null) {
			message = text("problem.field.type");
		}
		else if (ex.getCause() instanceof JacksonException) {
			message = text("problem.body.malformed");
		}
		else {
			message = text("problem.body.missing");
		}
		return badRequest(request, List.of(new FieldMessage(field, message)));
	}

	/** A rule checked in the code rather than on the address: same answer as the security chain's 403. */
	@ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
	ResponseEntity<ProblemDetail> forbidden(Exception ex, HttpServletRequest request) {
		return problem(HttpStatus.FORBIDDEN, "problem.forbidden", text("problem.forbidden.detail"), request, List.of());
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "problem.upload.tooLarge", text("problem.upload.tooLarge.detail"),
				request, List.of());
	}

	@ExceptionHandler({ HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class })
	ResponseEntity<ProblemDetail> protocol(ErrorResponse ex, HttpServletRequest request) {
		HttpStatus status = HttpStatus.valueOf(ex.getStatusCode().value());
		ResponseEntity<ProblemDetail> response = problem(status, "problem.http." + status.value(),
				text("problem.http." + status.value() + ".detail"), request, List.of());
		return ResponseEntity.status(status).headers(ex.getHeaders()).body(response.getBody());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) throws Exception {
		if (ex instanceof ErrorResponse errorResponse) {
			// Spring's own 4xx (and the like) keep their status
			HttpStatus status = HttpStatus.valueOf(errorResponse.getStatusCode().value());
			if (status.is4xxClientError()) {
				String detail = ex instanceof LocalizedMessage localized
						? text(localized.messageCode(), localized.messageArgs()) : errorResponse.getBody().getDetail();
				return problem(status, "problem.http." + status.value(), detail, request, List.of());
			}
		}
		log.error("Unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "problem.internal", text("problem.internal.detail"), request,
				List.of());
	}

	private ResponseEntity<ProblemDetail> badRequest(HttpServletRequest request, List<FieldMessage> errors) {
		String detail = errors.stream()
			.map(error -> error.field() == null ? error.message() : error.field() + ": " + error.message())
			.reduce((a, b) -> a + "; " + b)
			.orElse(text("problem.badRequest.detail"));
		return problem(HttpStatus.BAD_REQUEST, "problem.badRequest", detail, request, errors);
	}

	private ResponseEntity<ProblemDetail> problem(HttpStatus status, String titleCode, String detail,
			HttpServletRequest request, List<FieldMessage> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(text(titleCode));
		problem.setInstance(URI.create(request.getRequestURI()));
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors.stream()
				.map(error -> error.field() == null ? Map.of("message", error.message())
						: Map.of("field", error.field(), "message", error.message()))
				.toList());
		}
		return ResponseEntity.status(status).body(problem);
	}

	private static LocalizedMessage localizedCause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof LocalizedMessage localized) {
				return localized;
			}
		}
		return null;
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, code, locale());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

	record FieldMessage(String field, String message) {
	}
}
