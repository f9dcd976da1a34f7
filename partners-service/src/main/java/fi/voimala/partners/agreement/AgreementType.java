package fi.voimala.partners.agreement;

/** Kinds of agreement between the network and a partner. */
public enum AgreementType {
    PARTNERSHIP, COOPERATION, DATA_PROCESSING
}
